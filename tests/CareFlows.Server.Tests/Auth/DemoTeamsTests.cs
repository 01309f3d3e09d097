using CareFlows.Server.Auth;
using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Auth;

/// <summary>The demo teams and coordinators are seeded once: a restart adds nothing and undoes no admin's change.</summary>
public abstract class DemoTeamsTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_restart_seeds_nothing_twice_and_keeps_a_member_an_admin_removed_out()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (int Users, int Teams, int Members) before;
        await using (var first = database.StartHost())
        {
            before = await CountsAsync(first);
            await first.QueryAsync(db => db.TeamMembers
                .Where(m => m.TeamId == "referrals" && db.Users.Any(u => u.Id == m.UserId && u.Email == "tom.becker@careflows.local"))
                .ExecuteDeleteAsync());
        }

        await using var second = database.StartHost();
        var after = await CountsAsync(second);

        Assert.Equal(DemoUsers.All.Count + DemoUsers.Coordinators.Count, before.Users);
        Assert.Equal(DemoUsers.Teams.Count, before.Teams);
        Assert.Equal(DemoUsers.Teams.Sum(t => t.Members.Count), before.Members);
        Assert.Equal(before with { Members = before.Members - 1 }, after);
    }

    private static Task<(int Users, int Teams, int Members)> CountsAsync(CareFlowsApp app) =>
        app.QueryAsync(async db => (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.TeamMembers.CountAsync()));
}

public sealed class SqliteDemoTeamsTests() : DemoTeamsTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoTeamsTests() : DemoTeamsTests(DatabaseProvider.Postgres);
