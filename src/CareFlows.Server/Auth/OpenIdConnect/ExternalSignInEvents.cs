using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>
/// What the OpenID Connect handler does once the provider's answer is in. The handler has checked it — the state and
/// its correlation cookie, the code exchanged with PKCE, the ID token's signature against the provider's published
/// keys, its issuer, audience, lifetime and nonce — and here the user is signed in with CareFlows' own session instead
/// of the handler's cookie. Either way the browser goes back to the web app: to where it was going, or to the sign-in
/// page with the refusal's code.
/// </summary>
public sealed partial class ExternalSignInEvents(ExternalSignIn signIn, OpenIdConnectSignInOptions settings, ILogger<ExternalSignInEvents> logger) : OpenIdConnectEvents
{
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var returnUrl = LocalReturnUrl.Check(context.ReturnUri) ?? "/";
        var refusal = await signIn.SignInAsync(context.HttpContext, context.Scheme.Name, ProviderClaims.Read(context.Principal!, settings));
        context.Response.Redirect(refusal is null ? returnUrl : ExternalSignInErrors.SignInPage(refusal, returnUrl));
        context.HandleResponse();
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogFailure(logger, context.Failure?.Message);
        await SendBackAsync(context, context.HttpContext, ExternalSignInErrors.Failed, context.Properties);
    }

    public override async Task AccessDenied(AccessDeniedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SendBackAsync(context, context.HttpContext, ExternalSignInErrors.Cancelled, context.Properties);
    }

    private async Task SendBackAsync(HandleRequestContext<RemoteAuthenticationOptions> handled, HttpContext http, string code, AuthenticationProperties? properties)
    {
        await signIn.RefuseAsync(http, code, userId: null);
        http.Response.Redirect(ExternalSignInErrors.SignInPage(code, LocalReturnUrl.Check(properties?.RedirectUri)));
        handled.HandleResponse();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in through the identity provider failed: {Failure}")]
    private static partial void LogFailure(ILogger logger, string? failure);
}
