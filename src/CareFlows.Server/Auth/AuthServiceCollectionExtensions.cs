using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Auth.OpenIdConnect;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity (users and roles in CareFlows' database) with cookie and bearer-token sign-in, each tied
    /// to a server-side session, and sign-in through an OpenID Connect provider when one is configured. Every endpoint
    /// requires a signed-in user unless it says otherwise.
    /// </summary>
    public static IServiceCollection AddCareFlowsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddDataProtection().SetApplicationName("CareFlows");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseKeyRepository(scopes));
        services.AddIdentityApiEndpoints<CareFlowsUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = options.LockoutThreshold;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CareFlowsDbContext>()
            .AddUserManager<CareFlowsUserManager>()
            .AddSignInManager<CareFlowsSignInManager>();
        services.AddCareFlowsSessions(options);
        services.AddSignInRateLimits(options.SignInLimits);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = RequestForgeryGuard.HeaderName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The security headers forbid framing altogether (DENY), which SAMEORIGIN would weaken.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AnyRole, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.DefinitionWrite, p => p.RequireRole(Roles.ClinicalLead, Roles.Admin))
            .AddPolicy(Policies.InstanceWrite, p => p.RequireRole(Roles.ClinicalLead, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.InstanceRead, p => p.RequireRole(Roles.Coordinator, Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.MetricsRead, p => p.RequireRole(Roles.ClinicalLead, Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.InstanceAdmin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Inbox, p => p.RequireRole(Roles.Coordinator, Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.InboxWork, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.MetricItems, p => p.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.AuditRead, p => p.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.BreakGlass, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.UserAdmin, p => p.RequireRole(Roles.Admin));
        services.AddFeedClients(configuration, options);
        services.AddCareFlowsOpenIdConnect(configuration);
        return services;
    }

    /// <summary>
    /// Sending systems sign in with a key (<see cref="FeedKeyAuthenticationHandler"/>); each feed endpoint asks for its
    /// scope under that scheme only, so a user's session cannot post to a feed and a feed key cannot do a user's work.
    /// </summary>
    private static void AddFeedClients(this IServiceCollection services, IConfiguration configuration, AuthOptions options)
    {
        services.AddSingleton(sp => FeedClientOptions.From(configuration, options, sp.GetRequiredService<DatabaseOptions>().Provider));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, FeedKeyAuthenticationHandler>(FeedKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in FeedScopes.All)
        {
            authorization.AddPolicy(FeedScopes.Policy(scope), p => p
                .AddAuthenticationSchemes(FeedKeyAuthenticationHandler.SchemeName)
                .RequireClaim(FeedScopes.ClaimType, scope));
        }
    }

    /// <summary>Authentication against server-side sessions: every token and cookie names a session that must live.</summary>
    private static void AddCareFlowsSessions(this IServiceCollection services, AuthOptions options)
    {
        services.AddSingleton<SessionActivity>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionActivity>());
        services.AddSingleton<SessionCache>();
        services.AddScoped<UserSessions>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<BearerRefresh>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, o =>
            {
                o.ForwardChallenge = IdentityConstants.BearerScheme;
                o.ForwardForbid = IdentityConstants.BearerScheme;
            });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = options.BearerTokenLifetime;
            o.RefreshTokenExpiration = options.SessionLifetime;
        });
        // After the schemes' own set-up, which makes the formats that read tokens and cookies.
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<TimeProvider>((o, clock) => o.BearerTokenProtector = RememberedTicketFormat.Over(o.BearerTokenProtector, clock));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider>((o, clock) => o.TicketDataFormat = RememberedTicketFormat.Over(o.TicketDataFormat, clock));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.IdleTimeout;
            o.SlidingExpiration = true;
            // Sessions, not the security stamp, decide whether a cookie still counts (SessionAuthenticationHandler);
            // the stamp validator would also rebuild the principal without its session claim.
            o.Events.OnValidatePrincipal = _ => Task.CompletedTask;
            // An API answers 401/403; it does not redirect to a login page.
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
        });
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
