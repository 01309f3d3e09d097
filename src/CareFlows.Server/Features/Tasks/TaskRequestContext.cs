using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Features.Tasks;

/// <summary>What every request that changes a task needs: the user who asks, the runtime, and the answer's mapping.</summary>
public sealed class TaskRequestContext(IHttpContextAccessor http, WorkflowRuntime runtime, TimeProvider clock)
{
    public CancellationToken CancellationToken => http.HttpContext!.RequestAborted;

    /// <summary>Runs the change for the signed-in user and answers with the task as it committed, or the problem that stopped it.</summary>
    public async Task<Ok<TaskResponse>> RunAsync(string taskId, Func<WorkflowRuntime, TaskRequester, CancellationToken, Task<TaskOutcome>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var outcome = await change(runtime, TaskActors.RequesterOf(http.HttpContext!.User), CancellationToken);
        switch (outcome.Status)
        {
            case TaskOutcomeStatus.NotFound:
                throw new NotFoundException($"Task {taskId} does not exist.");
            case TaskOutcomeStatus.Forbidden:
                throw new ForbiddenException(outcome.Problem!);
            case TaskOutcomeStatus.Conflict:
                throw new ConflictException(outcome.Problem!);
            case TaskOutcomeStatus.Invalid:
                throw new UnprocessableException(outcome.Problem!, outcome.Errors ?? new Dictionary<string, string[]> { ["$.data"] = [outcome.Problem!] });
        }

        // The change may have moved the task out of the user's sight (reassigned to another team); it is answered all the same.
        var (task, teams) = outcome.Task ?? throw new InvalidOperationException("A task change that committed answers with the task as it left it.");
        return TypedResults.Ok(task.ToResponse(teams, clock.GetUtcNow().UtcDateTime));
    }
}
