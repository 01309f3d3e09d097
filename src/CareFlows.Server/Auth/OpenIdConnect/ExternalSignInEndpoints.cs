using CareFlows.Server.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>
/// Signing in through an external identity provider: which providers there are, and the redirect that starts it. The
/// provider's answer comes back to <see cref="OpenIdConnectSignInOptions.CallbackPath"/>, which the OpenID Connect
/// handler serves (<see cref="ExternalSignInEvents"/>), not an endpoint.
/// </summary>
public static class ExternalSignInEndpoints
{
    public static RouteGroupBuilder MapExternalSignIn(this RouteGroupBuilder group)
    {
        group.MapGet("/providers", Providers).AllowAnonymous()
            .WithSummary("The external identity providers one can sign in with, by id and the name the sign-in page shows; none unless Auth:OpenIdConnect is configured.");
        group.MapGet("/external/{provider}", SignInWith).AllowAnonymous()
            .WithSummary("Starts signing in through an external provider: redirects the browser to it. Its answer ends in a session cookie and a redirect to returnUrl, a path on this server (by default /), or to /sign-in?error=… when refused.")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return group;
    }

    public static Ok<IReadOnlyList<ExternalProvider>> Providers(OpenIdConnectSignInOptions openIdConnect)
    {
        ArgumentNullException.ThrowIfNull(openIdConnect);
        return TypedResults.Ok<IReadOnlyList<ExternalProvider>>(
            openIdConnect.Enabled ? [new ExternalProvider(OpenIdConnectSignInOptions.ProviderId, openIdConnect.DisplayName)] : []);
    }

    /// <summary>
    /// Redirects to the provider; back to the sign-in page, with <see cref="ExternalSignInErrors.Unavailable"/>, when
    /// the provider cannot be reached to build the redirect (the handler loads its discovery document first).
    /// </summary>
    public static async Task<IResult> SignInWith(
        string provider, string? returnUrl, OpenIdConnectSignInOptions openIdConnect, HttpContext context, ILogger<ExternalProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(openIdConnect);
        ArgumentNullException.ThrowIfNull(context);
        if (!openIdConnect.Enabled || provider != OpenIdConnectSignInOptions.ProviderId)
        {
            throw new NotFoundException($"No sign-in provider '{provider}' is configured.");
        }

        var target = LocalReturnUrl.Check(returnUrl) ?? throw new InvalidQueryException(new Dictionary<string, string[]>
        {
            ["returnUrl"] = ["'returnUrl' must be a path on this server, such as /inbox; another site's address is refused."],
        });
        try
        {
            await context.ChallengeAsync(provider, new AuthenticationProperties { RedirectUri = target });
            return TypedResults.Empty;
        }
        catch (InvalidOperationException e) when (!context.Response.HasStarted)
        {
            // The configuration manager wraps whatever kept the discovery document from loading (refused connection,
            // timeout, a document that does not parse) in an InvalidOperationException.
            logger.LogWarning(e, "Signing in through {Provider} could not start: its configuration did not load from {Authority}.", provider, openIdConnect.Authority);
            return TypedResults.Redirect(ExternalSignInErrors.SignInPage(ExternalSignInErrors.Unavailable, target));
        }
    }
}

/// <summary>An external identity provider the sign-in page offers.</summary>
/// <param name="Id">What <c>/api/auth/external/{provider}</c> takes.</param>
/// <param name="DisplayName">The button's text: "Sign in with …".</param>
public sealed record ExternalProvider(string Id, string DisplayName);
