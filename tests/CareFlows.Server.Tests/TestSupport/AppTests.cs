using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;

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

    protected Task<T> QueryAsync<T>(Func<CareFlowsDbContext, Task<T>> query) => App.QueryAsync(query);

    protected Task<WorkflowInstanceRecord?> InstanceAsync(string id) => App.InstanceAsync(id);

    protected Task<List<JournalRecord>> JournalAsync(string id) =>
        QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync());

    protected Task<WorkflowInstanceRecord> WaitForAsync(string id, string subStatus, TimeSpan timeout) => App.WaitForAsync(id, subStatus, timeout);

    protected static string NewKey() => Guid.NewGuid().ToString("N");
}
