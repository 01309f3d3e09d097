using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Reads a running host's database, for tests that check what was committed.</summary>
public static class HostQueries
{
    /// <summary>Runs a query on a fresh DbContext of the host.</summary>
    public static async Task<T> QueryAsync<T>(this CareFlowsApp app, Func<CareFlowsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>());
    }

    public static Task<WorkflowInstanceRecord?> InstanceAsync(this CareFlowsApp app, string id) =>
        app.QueryAsync(db => db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id));

    /// <summary>Waits (polling the database) until the instance reaches a sub-status, or fails after the timeout.</summary>
    public static async Task<WorkflowInstanceRecord> WaitForAsync(this CareFlowsApp app, string id, string subStatus, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var instance = await app.InstanceAsync(id);
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
}
