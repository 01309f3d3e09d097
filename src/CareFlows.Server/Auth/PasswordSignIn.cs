using System.Security.Claims;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

/// <summary>
/// Signs in with email and password and starts a session. Every refusal — unknown email, wrong password, locked or
/// deactivated account — looks the same from outside: one message, and one password hash verified, so that neither
/// the answer nor its time tells whether the account exists or what state it is in.
/// </summary>
public sealed class PasswordSignIn(CareFlowsSignInManager signIn, UserSessions sessions, AuditedWrite audited, IPasswordHasher<CareFlowsUser> hasher)
{
    public const string Refused = "Sign-in failed. Check the email and password; after repeated failures, wait before trying again.";

    // A hash of a random password in the current format, verified when there is no real hash to verify.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<CareFlowsUser>().HashPassword(new CareFlowsUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Checks the password and, when it is right, writes the bearer token (as the response body) or sets the session
    /// cookie. Returns false, having written nothing, when sign-in is refused.
    /// </summary>
    public async Task<bool> SignInAsync(HttpContext context, string email, string password, SessionTransport transport, bool persistentCookie)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            hasher.VerifyHashedPassword(new CareFlowsUser(), DummyHash.Value, password);
            return false;
        }

        if (!(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded)
        {
            return false;
        }

        SessionRecord session;
        using (SessionAudit.ActingAs(user.Id))
        {
            session = await audited.RunAsync(
                async () =>
                {
                    var started = await sessions.StartAsync(user.Id, transport, context.Connection, context.Request.Headers.UserAgent.ToString(), context.RequestAborted);
                    return (started, SessionAudit.Started(started));
                },
                context.RequestAborted);
        }

        await IssueAsync(signIn, user, session.Id, refreshCount: 0, transport, persistentCookie);
        return true;
    }

    /// <summary>Writes a bearer token (with its refresh token) or a cookie for a session.</summary>
    internal static Task IssueAsync(SignInManager<CareFlowsUser> signIn, CareFlowsUser user, string sessionId, int refreshCount, SessionTransport transport, bool persistentCookie)
    {
        signIn.AuthenticationScheme = transport == SessionTransport.Cookie ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        Claim[] claims = transport == SessionTransport.Cookie
            ? [new(SessionClaims.SessionId, sessionId)]
            : [new(SessionClaims.SessionId, sessionId), new(SessionClaims.RefreshCount, refreshCount.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = persistentCookie }, claims);
    }
}
