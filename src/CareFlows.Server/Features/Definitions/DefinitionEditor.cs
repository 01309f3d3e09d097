using System.Security.Claims;
using CareFlows.Server.Auth;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Who changes a definition: the name they signed in with (kept as who started a version, as before) and their user id
/// (kept as who changed it last, which the people directory turns into a name).
/// </summary>
/// <param name="Name">The sign-in name, or <c>system</c>.</param>
/// <param name="UserId">The user's id, or <c>system</c> for changes CareFlows makes itself.</param>
public sealed record DefinitionEditor(string? Name, string? UserId)
{
    /// <summary>CareFlows itself, importing the workflow files at start-up.</summary>
    public static readonly DefinitionEditor System = new("system", "system");

    public static DefinitionEditor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Identity?.Name, user.UserId());
    }
}
