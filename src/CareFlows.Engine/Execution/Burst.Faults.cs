using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Journal;

namespace CareFlows.Engine.Execution;

/// <summary>Incidents and early endings (Finish, End).</summary>
internal sealed partial class Burst
{
    public void RequestEnd(EndKind kind) => _end = kind;

    private void FaultFrom(ActivityNode node, Exception exception)
    {
        var (kind, code) = exception switch
        {
            FaultException fault => ("Fault", fault.Code),
            ExpressionEvaluationException => ("ExpressionEvaluation", null),
            ValueConversionException => ("ValueConversion", null),
            _ => (exception.GetType().Name, null),
        };
        Fault(node, exception.Message, kind, code);
    }

    private void Fault(ActivityNode node, string message, string kind, string? code)
    {
        State.Incidents.Add(new Incident(node.Id, node.Type, message, kind, code, Now));
        RecordOf(node).Status = ActivityStatus.Faulted;
        Journal(node, JournalEvents.Faulted, message);
        if (_workflow.Definition.IncidentStrategy == IncidentStrategy.ContinueWithIncidents)
        {
            // The faulted activity's paths are not taken, so joins downstream do not wait for them.
            Follow(node, []);
            return;
        }

        _stack.Clear();
        foreach (var bookmark in State.Bookmarks.ToList())
        {
            RemoveBookmark(bookmark, JournalEvents.BookmarkCancelled);
        }

        State.Status = WorkflowStatus.Finished;
        State.SubStatus = WorkflowSubStatus.Faulted;
        JournalRoot(JournalEvents.Faulted, message);
    }

    // Finish and End both complete the root flowchart: nothing further runs and no bookmark stays open.
    private void EndNow()
    {
        _stack.Clear();
        foreach (var bookmark in State.Bookmarks.ToList())
        {
            RemoveBookmark(bookmark, JournalEvents.BookmarkCancelled);
        }

        State.Status = WorkflowStatus.Finished;
        State.SubStatus = WorkflowSubStatus.Finished;
        JournalRoot(JournalEvents.Finished, _end == EndKind.Workflow ? "finished by Finish" : "completed by End");
    }
}

/// <summary>Raised by the Fault activity: an incident with the definition's code and category.</summary>
public sealed class FaultException : Exception
{
    public FaultException(string message, string? code, string? category)
        : base(message)
    {
        Code = code;
        Category = category;
    }

    public FaultException()
    {
    }

    public FaultException(string message)
        : base(message)
    {
    }

    public FaultException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string? Code { get; }

    public string? Category { get; }
}
