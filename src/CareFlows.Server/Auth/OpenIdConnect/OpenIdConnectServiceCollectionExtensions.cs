using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CareFlows.Server.Auth.OpenIdConnect;

public static class OpenIdConnectServiceCollectionExtensions
{
    /// <summary>
    /// Sign-in through the OpenID Connect provider in <c>Auth:OpenIdConnect</c>, when one is configured: the settings are
    /// checked here, so that a mistake stops the server at start-up rather than the first person signing in.
    /// </summary>
    public static IServiceCollection AddCareFlowsOpenIdConnect(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = OpenIdConnectSignInOptions.From(configuration);
        services.AddSingleton(settings);
        services.AddScoped<ExternalSignIn>();
        if (settings.Enabled)
        {
            services.AddScoped<ExternalSignInEvents>();
            services.AddAuthentication().AddOpenIdConnect(OpenIdConnectSignInOptions.ProviderId, settings.DisplayName, o => Configure(o, settings));
        }

        return services;
    }

    private static void Configure(OpenIdConnectOptions o, OpenIdConnectSignInOptions settings)
    {
        o.Authority = settings.Authority;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.ClientId = settings.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET, which SameSite=Lax cookies go with; a form post from the
        // provider's site would need the correlation and nonce cookies to be SameSite=None.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CallbackPath = OpenIdConnectSignInOptions.CallbackPath;
        o.Scope.Clear();
        foreach (var scope in settings.EffectiveScopes)
        {
            o.Scope.Add(scope);
        }

        // Claims keep their names in the token (sub, email, roles, groups), which is what the settings name.
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        // ExternalSignInEvents signs the user in with a CareFlows session and ends the request; the handler's own
        // sign-in, into Identity's external cookie, never happens.
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.EventsType = typeof(ExternalSignInEvents);
    }
}
