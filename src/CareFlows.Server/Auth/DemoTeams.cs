using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Auth;

public static partial class DemoUsers
{
    /// <summary>Demo care coordinators, who hold the Coordinator role and work in the demo teams.</summary>
    public static readonly IReadOnlyList<(string Email, string DisplayName)> Coordinators =
    [
        ("maria.lopez@careflows.local", "Maria Lopez"),
        ("james.okafor@careflows.local", "James Okafor"),
        ("priya.raman@careflows.local", "Priya Raman"),
        ("daniel.kim@careflows.local", "Daniel Kim"),
        ("aisha.bello@careflows.local", "Aisha Bello"),
        ("tom.becker@careflows.local", "Tom Becker"),
        ("grace.nguyen@careflows.local", "Grace Nguyen, RN"),
        ("samuel.adeyemi@careflows.local", "Samuel Adeyemi, RN"),
        ("hannah.muller@careflows.local", "Hannah Müller, RN"),
    ];

    /// <summary>The demo teams and the emails of their members.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string Description, IReadOnlyList<string> Members)> Teams =
    [
        ("transitions-of-care", "Transitions of care", "Follows patients home from the hospital: the two-day contact and the face-to-face visit (TCM).",
            ["maria.lopez@careflows.local", "james.okafor@careflows.local", "coordinator@careflows.local"]),
        ("utilization-management", "Utilization management", "Prior authorization requests: documentation, payer submission, decisions and appeals.",
            ["priya.raman@careflows.local", "daniel.kim@careflows.local"]),
        ("referrals", "Referrals", "Specialist referrals from order to closed loop: scheduling, reminders, the consult note back.",
            ["aisha.bello@careflows.local", "tom.becker@careflows.local", "coordinator@careflows.local"]),
        ("rn-care-managers", "RN care managers", "Nurses who take the clinical escalations of the other queues.",
            ["grace.nguyen@careflows.local", "samuel.adeyemi@careflows.local", "hannah.muller@careflows.local"]),
    ];

    /// <summary>
    /// Creates each demo team that does not exist, with its members. A team that exists is left as admins made it, so
    /// members they removed do not come back at the next start.
    /// </summary>
    private static async Task SeedTeamsAsync(IServiceProvider services, UserManager<CareFlowsUser> users)
    {
        var db = services.GetRequiredService<CareFlowsDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var (id, name, description, members) in Teams)
        {
            var normalized = TeamRecord.Normalize(name);
            if (await db.Teams.AnyAsync(t => t.Id == id || t.NormalizedName == normalized))
            {
                continue;
            }

            db.Teams.Add(new TeamRecord { Id = id, Name = name, NormalizedName = normalized, Description = description, CreatedAt = now, UpdatedAt = now });
            foreach (var email in members)
            {
                var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo user {email} is missing.");
                db.TeamMembers.Add(new TeamMemberRecord { TeamId = id, UserId = user.Id, AddedAt = now });
            }

            await db.SaveChangesAsync();
        }
    }
}
