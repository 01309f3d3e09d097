using System.Security.Claims;
using CareFlows.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

/// <summary>Sign in (cookie or bearer token), sign out, and who am I.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous();
        group.MapPost("/logout", Logout);
        group.MapGet("/me", Me);
        return routes;
    }

    /// <summary>
    /// Signs in with email and password. With <c>useCookies=true</c> the response sets a session cookie; otherwise it
    /// returns a bearer token to send as <c>Authorization: Bearer …</c>.
    /// </summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies, SignInManager<CareFlowsUser> signIn)
    {
        RequiredMembers.Check(request, r => r.Email, r => r.Password);
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: useCookies == true, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(result.IsLockedOut ? "The account is locked after too many failed attempts." : "Email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // The sign-in handler has already written the token or cookie.
        return TypedResults.Empty;
    }

    public static async Task<NoContent> Logout(SignInManager<CareFlowsUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<CurrentUser> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
        user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()));
}

public sealed record LoginRequest(string Email, string Password);

public sealed record CurrentUser(string Name, IReadOnlyList<string> Roles);
