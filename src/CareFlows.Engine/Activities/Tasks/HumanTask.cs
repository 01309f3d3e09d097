using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities.Tasks;

/// <summary>
/// A task for a person: it lands in a care coordinator's inbox and the instance waits until someone
/// completes it with one of the allowed outcomes. The bookmark carries the task's whole specification.
/// </summary>
[Activity("CareFlows", "HumanTask", Category = "Care coordination", DisplayName = "Human Task", Description = "Puts a task in a coordinator's inbox and waits until it is completed with one of its outcomes.")]
[Outcomes(DynamicFrom = "outcomes")]
public sealed class HumanTask : CodeActivity
{
    /// <summary>The outcome a task has when the definition names none.</summary>
    public const string DefaultOutcome = "Completed";

    /// <summary>FHIR Task priorities.</summary>
    private static readonly string[] PriorityOrder = ["routine", "urgent", "asap", "stat"];

    public static readonly IReadOnlyList<string> Priorities = PriorityOrder;

    /// <summary>A priority as a number to sort on, lowest first: routine 0, urgent 1, asap 2, stat 3 (unknown: 0).</summary>
    public static int PriorityRank(string priority) => Math.Max(0, Array.IndexOf(PriorityOrder, priority));

    [Input(Description = "The task's title; Liquid templates may use workflow variables.", DefaultSyntax = "Liquid", Required = true)]
    public Input<string> Title { get; } = new();

    [Input(Description = "What the coordinator should do.", UIHint = UIHints.MultiLine, DefaultSyntax = "Liquid")]
    public Input<string> Instructions { get; } = new();

    [Input(Description = "The patient the task concerns, for example 'Patient/123'.")]
    public Input<string> PatientReference { get; } = new();

    [Input(Description = "The patient the task concerns: an object with id, name, mrn and birthDate (YYYY-MM-DD); its id takes precedence over 'Patient reference'.", UIHint = UIHints.Json)]
    public Input<JsonNode> Patient { get; } = new();

    [Input(Description = "The pathway's stage the task belongs to, shown in the inbox (FHIR Task.businessStatus).", DefaultSyntax = "Liquid")]
    public Input<string> Stage { get; } = new();

    [Input(Description = "Teams whose queue the task appears in.")]
    public Input<string[]> CandidateTeams { get; } = new([]);

    [Input(Description = "A person the task is assigned to directly.")]
    public Input<string> Assignee { get; } = new();

    [Input(Description = "FHIR priority: routine, urgent, asap or stat.", UIHint = UIHints.Dropdown, Options = ["routine", "urgent", "asap", "stat"])]
    public Input<string> Priority { get; } = new("routine");

    [Input(Description = "How long after creation the task is due, for example 2.00:00:00.")]
    public Input<TimeSpan?> DueIn { get; } = new();

    [Input(Description = "How many business days after creation the task is due, at the end of that business day on the organisation's calendar; takes precedence over 'Due in'.")]
    public Input<int?> DueInBusinessDays { get; } = new();

    [Input(Description = "When the task is due; takes precedence over 'Due in business days' and 'Due in'.", UIHint = UIHints.DateTimePicker)]
    public Input<DateTimeOffset?> DueAt { get; } = new();

    [Input(Description = "How long after creation the coordinator should look at the task again, for example 1.00:00:00.")]
    public Input<TimeSpan?> FollowUpIn { get; } = new();

    [Input(Description = "When the coordinator should look at the task again; takes precedence over 'Follow up in'.", UIHint = UIHints.DateTimePicker)]
    public Input<DateTimeOffset?> FollowUpAt { get; } = new();

    [Input(Description = "The form the coordinator fills in: fields with type, label, required, options.", UIHint = UIHints.Form)]
    public Input<JsonNode> Form { get; } = new();

    [Input(Description = "The outcomes a coordinator may complete the task with; each becomes an outcome port.", UIHint = UIHints.DynamicOutcomes)]
    public Input<string[]> Outcomes { get; } = new([DefaultOutcome]);

    [Input(Description = "Deadlines: not started (nobody claimed it in time) and not completed (not done by its due time), each with its escalation (reassign to a team, raise the priority, notify) and an optional port, Overdue (the task stays open) or Expired (the task is cancelled).", UIHint = UIHints.Json)]
    public Input<JsonNode> Deadlines { get; } = new();

    [Input(Description = "For an outreach task: after how many unsuccessful attempts (default 3) it is escalated, and how: {\"escalateAfter\": 3, \"escalate\": {\"reassignTo\": \"team\", \"raisePriority\": \"urgent\", \"notify\": [\"team\"]}}. Its attempts are handed to the flow when it is completed.", UIHint = UIHints.Json)]
    public Input<JsonNode> Outreach { get; } = new();

    [Output(Description = "The data submitted with the completed form.")]
    public Output<object> Result { get; } = new();

    [Output(Description = "The outcome the task was completed with.")]
    public Output<string> Outcome { get; } = new();

    [Output(Description = "The outreach attempts logged on the task before it was completed: at, channel, result, note.")]
    public Output<object> Attempts { get; } = new();

    public override IReadOnlyList<string>? GetDynamicOutcomes()
    {
        if (!Outcomes.TryGetConstant(out var outcomes))
        {
            return null;
        }

        // A deadline's port is an outcome the designer must offer too.
        var ports = Deadlines.TryGetConstant(out var deadlines) && deadlines is JsonArray array
            ? array.Select(d => d?["port"]?.GetValueKind() == JsonValueKind.String ? d["port"]!.GetValue<string>() : null).OfType<string>()
            : [];
        return [.. OutcomesOrDefault(outcomes).Concat(ports).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    protected override void Execute(ActivityExecutionContext context)
    {
        var priority = context.Get(Priority) ?? "routine";
        if (!Priorities.Contains(priority, StringComparer.OrdinalIgnoreCase))
        {
            throw new FaultException($"Priority '{priority}' is not one of {string.Join(", ", Priorities)}.", code: null, category: null);
        }

        // One reading of the clock, so that a task due in two days is due exactly two days after it was created.
        var now = context.Now;
        var dueAt = context.Get(DueAt)
            ?? (context.Get(DueInBusinessDays) is { } businessDays ? context.Calendar.AddBusinessDays(now, businessDays) : (DateTimeOffset?)null)
            ?? (context.Get(DueIn) is { } dueIn ? now + dueIn : null);
        var followUpAt = context.Get(FollowUpAt) ?? (context.Get(FollowUpIn) is { } followUpIn ? now + followUpIn : null);
        var patient = TaskPatient.From(context.Get(Patient), context.Get(PatientReference));
        var form = context.Get(Form);
        TaskForm.Parse(form, out var formProblems);
        if (formProblems.Count > 0)
        {
            throw new FaultException($"The task's form is not valid: {string.Join(" ", formProblems)}", code: null, category: null);
        }

        var deadlines = TaskDeadline.Parse(context.Get(Deadlines));
        var outreach = TaskOutreach.Parse(context.Get(Outreach));
        var taskId = context.NewId();
        context.CreateTaskBookmark(taskId, new JsonObject
        {
            ["kind"] = "HumanTask",
            ["taskId"] = taskId,
            ["title"] = context.Get(Title),
            ["instructions"] = context.Get(Instructions),
            ["patientReference"] = patient?.Id,
            ["patient"] = patient?.ToJson(),
            ["stage"] = context.Get(Stage),
            ["candidateTeams"] = ValueConverter.ToJson(context.Get(CandidateTeams) ?? []),
            ["assignee"] = context.Get(Assignee),
            ["priority"] = priority.ToLowerInvariant(),
            ["createdAt"] = now,
            ["dueAt"] = dueAt,
            ["followUpAt"] = followUpAt,
            ["form"] = form?.DeepClone(),
            ["outcomes"] = ValueConverter.ToJson(OutcomesOrDefault(context.Get(Outcomes))),
            ["outreach"] = outreach?.ToJson(),
        });
        foreach (var deadline in deadlines)
        {
            if (deadline.PassesAt(now, dueAt, context.Calendar) is { } passesAt)
            {
                context.CreateTimer(passesAt, new JsonObject
                {
                    ["deadline"] = deadline.Kind,
                    ["taskId"] = taskId,
                    ["escalate"] = deadline.Escalate?.DeepClone(),
                    ["port"] = deadline.Port,
                });
            }
        }
    }

    /// <summary>
    /// Resume input is <c>{"outcome": "…", "data": {…}}</c>, and for an outreach task <c>"attempts": […]</c>; the outcome
    /// must be one the task allows.
    /// </summary>
    public override string? ValidateResumeInput(Bookmark bookmark, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        if (IsDeadline(bookmark))
        {
            return null;
        }

        return OutcomeProblem(AllowedOutcomes(bookmark), OutcomeOf(input)) ?? FormProblems(bookmark, input).FirstOrDefault();
    }

    /// <summary>
    /// What is wrong with completing a task that allows <paramref name="allowed"/> with <paramref name="outcome"/>, or
    /// null when nothing is: the outcome is one of them (in any case), or left out where there is no choice to make.
    /// </summary>
    public static string? OutcomeProblem(IReadOnlyList<string> allowed, string? outcome)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (outcome is null)
        {
            return allowed.Count <= 1 ? null : $"Choose an outcome: {string.Join(", ", allowed)}.";
        }

        return allowed.Contains(outcome, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"'{outcome}' is not an outcome of this task; choose one of {string.Join(", ", allowed)}.";
    }

    /// <summary>What is wrong with the data submitted with a completion, by JSON path of the resume input.</summary>
    public static IEnumerable<(string Path, string Message)> FormProblemsByPath(Bookmark bookmark, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        if (TaskForm.Parse(bookmark.Payload?["form"], out _) is not { } form)
        {
            yield break;
        }

        var data = input is JsonObject obj ? JsonKeys.Get(obj, "data") : null;
        if (data is not null and not JsonObject)
        {
            yield return ("$.data", "'data' must be an object with the form's fields.");
            yield break;
        }

        foreach (var field in form.Fields)
        {
            if (field.Check(data is JsonObject fields ? JsonKeys.Get(fields, field.Key) : null) is { } problem)
            {
                yield return ($"$.data.{field.Key}", problem);
            }
        }
    }

    private static IEnumerable<string> FormProblems(Bookmark bookmark, JsonNode? input) =>
        FormProblemsByPath(bookmark, input).Select(p => p.Message);

    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        if (IsDeadline(bookmark))
        {
            DeadlinePassed(context, bookmark);
            return ValueTask.CompletedTask;
        }

        var allowed = AllowedOutcomes(bookmark);
        var outcome = OutcomeOf(context.ResumeInput) is { } chosen
            ? allowed.First(a => string.Equals(a, chosen, StringComparison.OrdinalIgnoreCase))
            : allowed[0];
        context.Set(Result, context.ResumeInput is JsonObject obj ? JsonKeys.Get(obj, "data") : null);
        context.Set(Outcome, outcome, "outcome");
        if (context.ResumeInput is JsonObject resumed && JsonKeys.Get(resumed, "attempts") is JsonArray attempts)
        {
            context.Set(Attempts, attempts.DeepClone(), "attempts");
        }

        context.Complete(outcome);
        return ValueTask.CompletedTask;
    }

    /// <summary>A deadline's timer bookmark (the task's own bookmark is a task bookmark).</summary>
    public static bool IsDeadline(Bookmark bookmark) => bookmark?.Kind == BookmarkKind.Timer && bookmark.Payload?["deadline"] is not null;

    /// <summary>
    /// A deadline came due. The resume input says whether it was met (<c>{"met": true}</c>: a not-started deadline of a
    /// task claimed in time); without one it was missed — a deadline fires only while its task is open, since the
    /// task's completion removes its deadlines. Missed, the flow continues from its port, if it names one.
    /// </summary>
    private static void DeadlinePassed(ActivityExecutionContext context, Bookmark deadline)
    {
        var met = context.ResumeInput is JsonObject input && input["met"]?.GetValueKind() == JsonValueKind.True;
        var port = deadline.Payload?["port"]?.GetValueKind() == JsonValueKind.String ? deadline.Payload["port"]!.GetValue<string>() : null;
        if (!met && port == TaskDeadline.ExpiredPort)
        {
            context.Complete(TaskDeadline.ExpiredPort);
        }
        else if (!met && port == TaskDeadline.OverduePort)
        {
            context.FollowWhileWaiting(TaskDeadline.OverduePort);
        }
        else
        {
            context.KeepWaiting();
        }
    }

    private static string[] OutcomesOrDefault(string[]? outcomes) => outcomes is { Length: > 0 } ? outcomes : [DefaultOutcome];

    private static List<string> AllowedOutcomes(Bookmark bookmark) =>
        bookmark.Payload?["outcomes"] is JsonArray array
            ? [.. array.Select(o => o?.GetValue<string>()).OfType<string>()]
            : [DefaultOutcome];

    private static string? OutcomeOf(JsonNode? input) =>
        input is JsonObject obj && JsonKeys.Get(obj, "outcome") is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
