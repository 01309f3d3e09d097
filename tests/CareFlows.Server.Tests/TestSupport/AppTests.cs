using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Tests written once and run against each database fixture.</summary>
public abstract class AppTests
{
    protected AppTests(CareFlowsApp app)
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            TestPostgres.RequireOrSkip();
        }

        App = app;
    }

    protected CareFlowsApp App { get; }

    protected WorkflowRuntime Runtime => App.Get<WorkflowRuntime>();

    /// <summary>Runs a query on a fresh DbContext of the host.</summary>
    protected async Task<T> QueryAsync<T>(Func<CareFlowsDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>());
    }

    protected Task<WorkflowInstanceRecord?> InstanceAsync(string id) =>
        QueryAsync(db => db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id));

    protected Task<List<JournalRecord>> JournalAsync(string id) =>
        QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync());

    /// <summary>Waits (polling the database) until the instance reaches a sub-status, or fails after the timeout.</summary>
    protected async Task<WorkflowInstanceRecord> WaitForAsync(string id, string subStatus, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var instance = await InstanceAsync(id);
            if (instance?.SubStatus == subStatus)
            {
                return instance;
            }

            if (cancel.IsCancellationRequested)
            {
                Assert.Fail($"Instance {id} is {instance?.SubStatus ?? "missing"}, not {subStatus}, after {timeout}.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    protected static string NewKey() => Guid.NewGuid().ToString("N");
}
