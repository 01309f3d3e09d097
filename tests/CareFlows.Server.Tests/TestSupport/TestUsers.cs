using CareFlows.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Users made for one test, so that what the test does to them (a new password, deactivation) stays its own.</summary>
public static class TestUsers
{
    public const string Password = "Test-Password-1";

    public static async Task<string> CreateUserAsync(this CareFlowsApp app, string role = Roles.Auditor)
    {
        var email = $"user-{Guid.NewGuid():N}@careflows.test";
        await app.WithUserAsync(null, async (users, _) =>
        {
            var user = new CareFlowsUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        });
        return email;
    }

    /// <summary>Runs <paramref name="action"/> with the host's user manager and the user (if an email is given).</summary>
    public static async Task WithUserAsync(this CareFlowsApp app, string? email, Func<CareFlowsUserManager, CareFlowsUser, Task> action)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<CareFlowsUserManager>();
        var user = email is null ? new CareFlowsUser() : (await users.FindByEmailAsync(email))!;
        await action(users, user);
    }
}
