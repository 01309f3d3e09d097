using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Composition;

/// <summary>
/// Starts an instance of another published workflow as this one's child, in the same commit, and — with
/// <c>waitForCompletion</c> — waits until it ends, continuing with its output as the result: a referral that needs
/// prior authorization runs the prior-authorization pathway and decides on its outcome.
/// </summary>
[Activity("Elsa", "DispatchWorkflow", Category = "Composition", DisplayName = "Dispatch Workflow", Description = "Starts a published workflow as a child instance and, when asked to, waits until it ends, with its output as the result.")]
public sealed class DispatchWorkflow : CodeActivity
{
    [Input(Description = "The definition id of the workflow to start; its published version runs.", Required = true)]
    public Input<string> WorkflowDefinitionId { get; } = new();

    [Input(Description = "The child's correlation id; this instance's when left empty.")]
    public Input<string> CorrelationId { get; } = new();

    [Input(Description = "The child's input, an object of named values it reads with getInput(name).", UIHint = UIHints.Json)]
    public Input<JsonNode> Input { get; } = new();

    [Input(Description = "Wait until the child ends and continue with its output; otherwise continue at once.", UIHint = UIHints.Checkbox)]
    public Input<bool> WaitForCompletion { get; } = new(false);

    [Input(Description = "Kept for Elsa compatibility: CareFlows traces a child with its parent.", UIHint = UIHints.Checkbox)]
    public Input<bool> StartNewTrace { get; } = new(false);

    [Input(Description = "Kept for Elsa compatibility: CareFlows starts children in the parent's commit, on no channel.")]
    public Input<string> ChannelName { get; } = new();

    [Output(Description = "With waitForCompletion, the child's output when it ended; its status is in the journal.")]
    public Output<object> Result { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        var definitionId = context.Get(WorkflowDefinitionId);
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            throw new FaultException("Dispatch Workflow needs the definition id of the workflow to start.", code: null, category: null);
        }

        var input = context.Get(Input);
        if (input is not (null or JsonObject))
        {
            throw new FaultException("Dispatch Workflow's input must be an object of named values.", code: null, category: null);
        }

        var childId = context.NewId();
        var correlationId = context.Get(CorrelationId) is { Length: > 0 } given ? given : context.CorrelationId;
        var values = (input as JsonObject)?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());
        context.DispatchWorkflow(new WorkflowDispatch(definitionId, childId, correlationId, values, context.InstanceId));
        context.WriteLine($"Dispatched {definitionId} as {childId}.");
        if (context.Get(WaitForCompletion))
        {
            context.CreateEventBookmark(ChildWorkflows.Completed, childId, new JsonObject { ["childInstanceId"] = childId, ["definitionId"] = definitionId });
        }
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(Result, context.ResumeInput is JsonObject ended ? ended["output"]?.DeepClone() : null);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
