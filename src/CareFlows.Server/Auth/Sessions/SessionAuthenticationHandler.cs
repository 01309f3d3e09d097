using System.Security.Claims;
using System.Text.Encodings.Web;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>
/// The default authentication scheme and the one place that checks sessions: it reads Identity's bearer token, or
/// when there is none its cookie, and admits the request only while the session the credential names lives.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionCache sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CareFlows.Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var transport = SessionTransport.Bearer;
        var result = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (result.None)
        {
            transport = SessionTransport.Cookie;
            result = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var sessionId = result.Principal.FindFirstValue(SessionClaims.SessionId);
        if (sessionId is null || !await sessions.IsLiveAsync(sessionId, transport, Context.RequestAborted))
        {
            if (transport == SessionTransport.Cookie)
            {
                await Context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            return AuthenticateResult.Fail("The session has ended.");
        }

        Context.Features.Set(new SignedInSession(sessionId, transport));
        return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name));
    }
}
