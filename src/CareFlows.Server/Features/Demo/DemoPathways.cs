using CareFlows.Engine.Calendar;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Demo;

/// <summary>
/// A populated first start: on a database with the pathways published and no instance of them yet, discharges, prior
/// authorizations and referrals are run through the runtime, as the feeds and the demo coordinators would, to the
/// stages a care team sees on a Monday — calls overdue and escalated, attempts logged, requests waiting on payers,
/// a denial to appeal, a referral declined, a loop closed — so that the inbox and the metrics have something to show.
/// Everything goes through the same runtime calls as the API, so the journal and the task history are as real.
/// </summary>
internal sealed partial class DemoPathways(IServiceProvider services, ILogger<DemoPathways> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<DemoPathwayOptions>();
        var auth = provider.GetRequiredService<AuthOptions>();
        if (!(options.SeedPathways ?? auth.SeedsDemo(provider.GetRequiredService<DatabaseOptions>().Provider)))
        {
            return;
        }

        var db = provider.GetRequiredService<CareFlowsDbContext>();
        string[] pathways = ["discharge-follow-up", "prior-authorization", "specialist-referral"];
        var published = await db.Definitions.Where(d => d.IsPublished && pathways.Contains(d.DefinitionId)).Select(d => d.DefinitionId).Distinct().CountAsync(cancellationToken);
        if (published < pathways.Length || await db.Instances.AnyAsync(i => pathways.Contains(i.DefinitionId), cancellationToken))
        {
            return;
        }

        var users = provider.GetRequiredService<UserManager<CareFlowsUser>>();
        var run = new DemoRun(
            provider.GetRequiredService<WorkflowRuntime>(),
            db,
            provider.GetRequiredService<BusinessCalendar>(),
            provider.GetRequiredService<TimeProvider>().GetUtcNow(),
            await CoordinatorAsync(users, "maria.lopez@careflows.local"),
            await CoordinatorAsync(users, "priya.raman@careflows.local"),
            await CoordinatorAsync(users, "aisha.bello@careflows.local"),
            cancellationToken);
        try
        {
            await run.DischargesAsync();
            await run.PriorAuthorizationsAsync();
            await run.ReferralsAsync();
            LogSeeded(logger);
        }
        catch (Exception e) when (e is InvalidOperationException or ConflictException)
        {
            // A demo that could not finish leaves what it did; CareFlows itself runs on.
            LogNotSeeded(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A demo coordinator who may also work what a deadline moved meanwhile: deadlines already past when the demo
    /// starts fire at once, and may take a task to another queue between two of its steps.
    /// </summary>
    private static async Task<TaskRequester> CoordinatorAsync(UserManager<CareFlowsUser> users, string email) =>
        new((await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo user {email} is missing.")).Id, new HashSet<string> { Roles.Coordinator, Roles.Admin });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo pathways started: discharges, prior authorizations and referrals at different stages; for evaluation only.")]
    private static partial void LogSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo pathways stopped part way; what they did is kept.")]
    private static partial void LogNotSeeded(ILogger logger, Exception exception);
}
