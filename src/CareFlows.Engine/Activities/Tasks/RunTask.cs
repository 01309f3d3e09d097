using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities.Tasks;

[Activity("Elsa", "RunTask", Category = "Tasks", DisplayName = "Run Task", Description = "Requests an external task and waits until it is completed through the API.")]
public sealed class RunTask : CodeActivity
{
    [Input(Description = "The task's name, which the system doing it recognises.", Required = true)]
    public Input<string> TaskName { get; } = new();

    [Input(Description = "Data the task needs.", UIHint = UIHints.Json)]
    public Input<object> Payload { get; } = new();

    [Output(Description = "The task's result.")]
    public Output<object> Result { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        var taskId = context.NewId();
        context.CreateTaskBookmark(taskId, new JsonObject
        {
            ["kind"] = "RunTask",
            ["taskId"] = taskId,
            ["taskName"] = context.Get(TaskName),
            ["payload"] = ValueConverter.ToJson(context.Get(Payload)),
        });
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(Result, context.ResumeInput);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
