using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth;

/// <summary>
/// Creates the four roles, and on the embedded default one demo user per role, demo coordinators and the teams they
/// work in (all listed in the README).
/// </summary>
public static partial class DemoUsers
{
    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role)> All =
    [
        ("lead@careflows.local", "Lena Lead (clinical lead)", Roles.ClinicalLead),
        ("coordinator@careflows.local", "Cody Coordinator (care coordinator)", Roles.Coordinator),
        ("auditor@careflows.local", "Avery Auditor (auditor)", Roles.Auditor),
        ("admin@careflows.local", "Ada Admin (administrator)", Roles.Admin),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Require(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        var options = scope.ServiceProvider.GetRequiredService<AuthOptions>();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Provider;
        if (!options.SeedsDemo(provider))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareFlowsUser>>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoUsers));
        foreach (var (email, displayName, role) in All.Concat(Coordinators.Select(c => (c.Email, c.DisplayName, Roles.Coordinator))))
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new CareFlowsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            Require(await users.CreateAsync(user, options.DemoPassword), email);
            Require(await users.AddToRoleAsync(user, role), email);
            LogSeeded(logger, email, role);
        }

        await SeedTeamsAsync(scope.ServiceProvider, users);
    }

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo user {Email} ({Role}) created with the demo password; for evaluation only.")]
    private static partial void LogSeeded(ILogger logger, string email, string role);
}
