using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity (users and roles in CareFlows' database) with cookie and bearer-token sign-in. Every
    /// endpoint requires a signed-in user unless it says otherwise (only /health and sign-in do).
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
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CareFlowsDbContext>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = options.BearerTokenLifetime);
        services.ConfigureApplicationCookie(o =>
        {
            // An API answers 401/403; it does not redirect to a login page.
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AnyRole, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.DefinitionWrite, p => p.RequireRole(Roles.ClinicalLead, Roles.Admin))
            .AddPolicy(Policies.InstanceWrite, p => p.RequireRole(Roles.ClinicalLead, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.InstanceAdmin, p => p.RequireRole(Roles.ClinicalLead, Roles.Admin));
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
