using System.Security.Claims;

namespace CareFlows.Server.Auth;

public static class UserClaims
{
    /// <summary>The signed-in user's id (every session's principal carries it).</summary>
    public static string UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The principal has no user id.");
    }
}
