using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities;

/// <summary>
/// Base of every activity. One instance exists per activity of a compiled definition and is shared by every
/// instance running that version, so activities keep no per-run state: run state lives in the context.
/// </summary>
public abstract class Activity
{
    /// <summary>The outcome every activity completes with unless it says otherwise.</summary>
    public const string Done = "Done";

    /// <summary>Runs the activity: complete it through the context, or create a bookmark to wait.</summary>
    public abstract ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Continues after one of this activity's bookmarks is resumed. Completes with Done by default.</summary>
    public virtual ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Checks input offered to resume one of this activity's bookmarks, before the bookmark is consumed.
    /// Returns a plain-language problem, or null when the input is acceptable.
    /// </summary>
    public virtual string? ValidateResumeInput(Bookmark bookmark, System.Text.Json.Nodes.JsonNode? input) => null;

    /// <summary>Reads settings that are not expression inputs (embedded objects such as switch cases).</summary>
    public virtual void Configure(ActivityConfiguration configuration)
    {
    }

    /// <summary>
    /// Outcomes this configured activity may complete with, when they depend on its inputs (fork branches,
    /// switch cases). Null when the descriptor's static outcomes apply or the value is only known at run time.
    /// </summary>
    public virtual IReadOnlyList<string>? GetDynamicOutcomes() => null;
}

/// <summary>An activity that runs synchronously.</summary>
public abstract class CodeActivity : Activity
{
    public sealed override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        Execute(context);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the activity; it completes with Done unless it completes or waits otherwise.</summary>
    protected abstract void Execute(ActivityExecutionContext context);
}
