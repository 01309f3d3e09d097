using System.Security.Claims;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Features.TestRuns;

/// <summary>
/// Test runs for the designer: a draft run in a sandbox on a simulated clock, moved forward on request, its tasks
/// completed with their forms — touching no real instance, task or metric. Clinical leads and administrators only.
/// </summary>
public static class TestRunsEndpoints
{
    public static IEndpointRouteBuilder MapTestRuns(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/definitions/{definitionId}/test-runs", Start).WithTags("Designer")
            .RequireAuthorization(Policies.DefinitionWrite)
            .WithSummary("Starts a test run of the definition the designer holds (or its latest saved version) on a simulated clock.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        var group = routes.MapGroup("/api/test-runs").WithTags("Designer").RequireAuthorization(Policies.DefinitionWrite);
        group.MapGet("/{runId}", Get).WithSummary("A test run: its clock, journal, timers, tasks and the path taken.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{runId}/advance", Advance).WithSummary("Moves the test run's clock to the next timer, by an amount or to a moment, firing the timers on the way.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{runId}/tasks/{taskId}/complete", CompleteTask).WithSummary("Completes a test run's task with an outcome and its form's data, checked as the inbox checks them.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{runId}/events", PublishEvent).WithSummary("Delivers an event inside the test run only.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{runId}", End).WithSummary("Ends a test run.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Created<TestRunResponse>> Start(
        string definitionId, StartTestRunRequest? request, TestRuns runs, CareFlowsDbContext db, AuditedWrite audited, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var definition = request?.Definition is { } json
            ? WorkflowDefinitionReader.Read(json, "$.definition")
            : WorkflowDefinitionReader.Read((await db.Definitions.FindVersionAsync(definitionId, version: null, cancellationToken)).Json);
        var run = await runs.StartAsync(user.UserId(), definition, request?.Input, request?.StartAt, cancellationToken);
        var response = await run.UseAsync(clock.GetUtcNow(), r => r.ToResponse(), cancellationToken);
        await RecordAsync(audited, "test-run.start", run.Id, definitionId, cancellationToken);
        return TypedResults.Created($"/api/test-runs/{run.Id}", response);
    }

    public static Task<TestRunResponse> Get(string runId, TestRuns runs, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken) =>
        runs.Get(runId, user.UserId()).UseAsync(clock.GetUtcNow(), r => r.ToResponse(), cancellationToken);

    public static Task<TestRunResponse> Advance(
        string runId, AdvanceTestRunRequest request, IValidator<AdvanceTestRunRequest> validator, TestRuns runs, AuditedWrite audited, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        validator.ValidateAndThrow(request);
        return Act(runs, audited, "test-run.advance", runId, user, clock, r => r.Advance(request), cancellationToken);
    }

    public static Task<TestRunResponse> CompleteTask(
        string runId, string taskId, CompleteTestTaskRequest request, TestRuns runs, AuditedWrite audited, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(runs, audited, "test-run.complete-task", runId, user, clock, r => r.CompleteTask(taskId, request), cancellationToken);

    public static Task<TestRunResponse> PublishEvent(
        string runId, TestRunEventRequest request, IValidator<TestRunEventRequest> validator, TestRuns runs, AuditedWrite audited, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        validator.ValidateAndThrow(request);
        return Act(runs, audited, "test-run.publish-event", runId, user, clock, r => r.PublishEvent(request), cancellationToken);
    }

    public static async Task<NoContent> End(string runId, TestRuns runs, AuditedWrite audited, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        runs.End(runId, user.UserId());
        await RecordAsync(audited, "test-run.end", runId, definitionId: null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<TestRunResponse> Act(
        TestRuns runs, AuditedWrite audited, string operation, string runId, ClaimsPrincipal user, TimeProvider clock, Action<TestRun> action, CancellationToken cancellationToken)
    {
        var response = await runs.Get(runId, user.UserId()).UseAsync(clock.GetUtcNow(), r =>
        {
            action(r);
            return r.ToResponse();
        }, cancellationToken);
        await RecordAsync(audited, operation, runId, definitionId: null, cancellationToken);
        return response;
    }

    // A run lives in memory and stores nothing, so its record is the one thing written; it holds no patient data.
    private static Task<bool> RecordAsync(AuditedWrite audited, string operation, string runId, string? definitionId, CancellationToken cancellationToken) =>
        audited.RunAsync(() => Task.FromResult((true, (AuditChange?)new AuditChange(operation, AuditActions.Execute, "test-run", runId) { DefinitionId = definitionId })), cancellationToken);
}
