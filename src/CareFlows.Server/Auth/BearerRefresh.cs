using System.Globalization;
using System.Security.Claims;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Auth;

/// <summary>
/// Exchanges a refresh token for a new bearer token (and refresh token) while its session lives. Each refresh token
/// works once: using an older one again ends the session, since someone else then holds its tokens too.
/// </summary>
public sealed class BearerRefresh(CareFlowsSignInManager signIn, UserSessions sessions, AuditedWrite audited, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
{
    /// <summary>Writes the new tokens as the response body, or returns false, having written nothing.</summary>
    public async Task<bool> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || ticket.Principal.FindFirstValue(SessionClaims.SessionId) is not { } sessionId
            || !int.TryParse(ticket.Principal.FindFirstValue(SessionClaims.RefreshCount), NumberStyles.None, CultureInfo.InvariantCulture, out var refreshCount)
            || await signIn.UserManager.GetUserAsync(ticket.Principal) is not { } user
            || !await signIn.CanSignInAsync(user)
            || !await RefreshAsync(user.Id, sessionId, refreshCount, cancellationToken))
        {
            return false;
        }

        await PasswordSignIn.IssueAsync(signIn, user, sessionId, refreshCount + 1, SessionTransport.Bearer, persistentCookie: false);
        return true;
    }

    // A refused refresh may still end the session (a refresh token used twice), which commits without a record of its
    // own: the refusal (401) is recorded.
    private async Task<bool> RefreshAsync(string userId, string sessionId, int refreshCount, CancellationToken cancellationToken)
    {
        using (SessionAudit.ActingAs(userId))
        {
            return await audited.RunAsync(
                async () => await sessions.TryRefreshAsync(sessionId, refreshCount, cancellationToken)
                    ? (true, SessionAudit.Refreshed(sessionId, refreshCount + 1))
                    : (false, null),
                cancellationToken);
        }
    }
}
