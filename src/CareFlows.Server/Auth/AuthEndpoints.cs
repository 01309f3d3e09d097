using System.Security.Claims;
using CareFlows.Engine.Calendar;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth.OpenIdConnect;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TimeZoneConverter;

namespace CareFlows.Server.Auth;

/// <summary>Sign in (cookie or bearer token, or through an external provider), refresh a bearer token, sign out, and who am I.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Signs in: a bearer token and refresh token in the answer, or with ?useCookies=true a session cookie (and an empty answer).")
            .RequireRateLimiting(SignInRateLimits.PerAddressPolicy)
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SignInAccountThrottle>().InvokeAsync(context, next))
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithSummary("Exchanges a refresh token (once) for a new bearer token and refresh token while the session lives.")
            .RequireRateLimiting(SignInRateLimits.PerAddressPolicy)
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", Logout)
            .WithSummary("Signs out: ends the session, so its bearer token, refresh token and cookie are refused from then on.");
        group.MapGet("/me", Me)
            .WithSummary("The signed-in user's name, id, display name, email, roles and teams, and the organisation's time zone.");
        group.MapGet("/antiforgery", Antiforgery)
            .WithSummary("The antiforgery token a cookie-signed-in client sends as the X-CSRF-TOKEN header with every POST, PUT, PATCH and DELETE.");
        group.MapExternalSignIn();
        return routes;
    }

    /// <summary>
    /// Signs in with email and password and starts a session. With <c>useCookies=true</c> the response sets a session
    /// cookie (kept across browser restarts only with <c>persistCookies=true</c>); otherwise it returns a bearer token
    /// to send as <c>Authorization: Bearer …</c>, and a refresh token.
    /// </summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies, bool? persistCookies, PasswordSignIn signIn, HttpContext context)
    {
        RequiredMembers.Check(request, r => r.Email, r => r.Password);
        var transport = useCookies == true ? SessionTransport.Cookie : SessionTransport.Bearer;
        if (!await signIn.SignInAsync(context, request.Email, request.Password, transport, persistCookies == true))
        {
            return TypedResults.Problem(PasswordSignIn.Refused, statusCode: StatusCodes.Status401Unauthorized);
        }

        // The sign-in handler has already written the token or cookie.
        return TypedResults.Empty;
    }

    /// <summary>Exchanges a refresh token for a new bearer token and refresh token while the session lives.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request, BearerRefresh refresh, CancellationToken cancellationToken) =>
        await refresh.RefreshAsync(request.RefreshToken, cancellationToken)
            ? TypedResults.Empty
            : TypedResults.Problem("The refresh token is not valid, or its session has ended.", statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>Ends the session at once: its bearer token, refresh token and cookie are refused from then on.</summary>
    public static async Task<NoContent> Logout(HttpContext context, UserSessions sessions, AuditedWrite audited)
    {
        if (context.Features.Get<SignedInSession>() is { } session)
        {
            await audited.RunAsync(
                async () => await sessions.EndAsync(session.Id, SessionEndReasons.SignedOut, context.RequestAborted)
                    ? (true, SessionAudit.Ended(session.Id, SessionEndReasons.SignedOut))
                    : (false, null),
                context.RequestAborted);
            if (session.Transport == SessionTransport.Cookie)
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        }

        return TypedResults.NoContent();
    }

    public static async Task<Ok<CurrentUser>> Me(ClaimsPrincipal user, TeamMembership membership, CareFlowsDbContext db, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new CurrentUser(
            user.Identity?.Name ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            await membership.TeamsOfAsync(userId, cancellationToken),
            userId,
            account?.DisplayName,
            account?.Email,
            IanaId(calendar.TimeZone)));
    }

    // Browsers know zones by their IANA ids; the calendar may have been configured with a Windows one.
    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TZConvert.TryWindowsToIana(zone.Id, out var iana) ? iana : zone.Id;

    /// <summary>
    /// The token a cookie-authenticated client sends in the <c>X-CSRF-TOKEN</c> header with every change (POST, PUT,
    /// PATCH, DELETE); bearer-token clients need none.
    /// </summary>
    public static Ok<AntiforgeryTokenResponse> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.HeaderName!, tokens.RequestToken!));
    }
}

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

/// <summary>The signed-in user.</summary>
/// <param name="Name">The name the user signs in with.</param>
/// <param name="Roles">The roles the session carries.</param>
/// <param name="Teams">The teams the user belongs to now.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="DisplayName">The name others see.</param>
/// <param name="Email">The user's email.</param>
/// <param name="TimeZone">The organisation's time zone (IANA id, from <c>Calendar:TimeZone</c>), in which dates are shown and business days counted.</param>
public sealed record CurrentUser(
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyList<TeamSummary> Teams,
    string UserId,
    string? DisplayName,
    string? Email,
    string TimeZone);

public sealed record AntiforgeryTokenResponse(string HeaderName, string Token);
