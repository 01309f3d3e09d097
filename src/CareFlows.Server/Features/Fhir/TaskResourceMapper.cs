using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Definitions;
using CareFlows.Server.Persistence.Entities;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using FhirTask = Hl7.Fhir.Model.Task;

namespace CareFlows.Server.Features.Fhir;

/// <summary>What a task's resource shows besides its own row: its teams with their names, the display names of the users it names, and the history entries that become notes.</summary>
/// <param name="Teams">The task's candidate teams (id, name), in id order.</param>
/// <param name="UserNames">Display names by user id: the owner and the authors of comments and attempts.</param>
/// <param name="History">The task's comments, outreach attempts and holds, oldest first.</param>
internal sealed record TaskResourceFacts(IReadOnlyList<(string Id, string? Name)> Teams, IReadOnlyDictionary<string, string> UserNames, IReadOnlyList<InboxTaskHistoryRecord> History);

/// <summary>
/// An inbox task as a FHIR R4 <c>Task</c> — the one place the mapping is written (README, "FHIR Task"):
/// <list type="bullet">
/// <item><c>status</c> as stored (ready, in-progress, on-hold, completed, cancelled); <c>intent</c> order; <c>priority</c> as stored;
/// <c>businessStatus.text</c> the pathway stage; <c>statusReason.text</c> the reason of the hold while on hold.</item>
/// <item><c>code</c> the pathway (definition id as code, name as text); <c>meta.tag</c> the task kind (HumanTask or RunTask);
/// <c>description</c> the title; <c>note</c> the instructions, then comments and outreach attempts with author and time.</item>
/// <item><c>for</c> the patient (<c>Patient/{id}</c>, name as display, MRN as an identifier of type MR); <c>focus</c> and
/// <c>groupIdentifier</c> the workflow instance, by identifier, since an instance is no FHIR resource.</item>
/// <item><c>authoredOn</c>/<c>lastModified</c> created/last changed; <c>executionPeriod</c> claimed → ended;
/// <c>restriction.period</c> created → due; the follow-up time as an extension.</item>
/// <item><c>owner</c> <c>Practitioner/{userId}</c> with the user's display name; <c>performerType</c> the candidate teams.</item>
/// <item><c>input</c> the form's fields and the allowed outcomes, or a generic task's input; <c>output</c> the outcome and the
/// submitted data once completed.</item>
/// </list>
/// </summary>
internal static class TaskResourceMapper
{
    public const string CareFlowsFhir = "https://careflows.local/fhir";
    public const string TeamSystem = CareFlowsFhir + "/CodeSystem/team";
    public const string PathwaySystem = CareFlowsFhir + "/CodeSystem/pathway";
    public const string TaskKindSystem = CareFlowsFhir + "/CodeSystem/task-kind";

    /// <summary>Form field keys, and the member names of a generic task's input and of submitted data.</summary>
    public const string TaskFieldSystem = CareFlowsFhir + "/CodeSystem/task-field";

    /// <summary>allowed-outcome, outcome, input and data: the inputs and outputs that are not one field.</summary>
    public const string TaskParameterSystem = CareFlowsFhir + "/CodeSystem/task-parameter";
    public const string InstanceSystem = CareFlowsFhir + "/NamingSystem/workflow-instance";
    public const string FollowUpExtension = CareFlowsFhir + "/StructureDefinition/task-follow-up";
    public const string IdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";

    public static FhirTask ToFhirTask(InboxTaskRecord t, TaskResourceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(facts);
        var form = FormFields(t.Form);
        var task = new FhirTask
        {
            Id = t.Id,
            Meta = new Meta
            {
                VersionId = t.Revision.ToString(CultureInfo.InvariantCulture),
                LastUpdated = Utc(t.UpdatedAt),
                Tag = [new Coding(TaskKindSystem, t.Kind)],
            },
            GroupIdentifier = InstanceIdentifier(t.InstanceId),
            Status = EnumUtility.ParseLiteral<FhirTask.TaskStatus>(t.Status),
            StatusReason = t.Status == InboxTaskStatus.OnHold && HoldReason(facts.History) is { } reason ? new CodeableConcept { Text = reason } : null,
            BusinessStatus = t.BusinessStatus is { } stage ? new CodeableConcept { Text = stage } : null,
            Intent = FhirTask.TaskIntent.Order,
            Priority = EnumUtility.ParseLiteral<RequestPriority>(t.Priority),
            Code = new CodeableConcept { Coding = [new Coding(PathwaySystem, t.DefinitionId, t.Pathway)], Text = t.Pathway ?? t.DefinitionId },
            Description = t.Title,
            Focus = new ResourceReference
            {
                Identifier = InstanceIdentifier(t.InstanceId),
                Display = $"{t.Pathway ?? t.DefinitionId} (version {t.DefinitionVersion}), instance {t.InstanceId}",
            },
            For = Patient(t),
            ExecutionPeriod = t.StartedAt is null && t.EndedAt is null ? null : new Period { StartElement = FhirTime(t.StartedAt), EndElement = FhirTime(t.EndedAt) },
            AuthoredOnElement = FhirTime(t.CreatedAt),
            LastModifiedElement = FhirTime(t.UpdatedAt),
            PerformerType = [.. facts.Teams.Select(team => Concept(TeamSystem, team.Id, team.Name ?? team.Id))],
            Owner = t.Owner is { } owner ? Practitioner(owner, facts) : null,
            Note = Notes(t, facts),
            Restriction = t.DueAt is { } due ? new FhirTask.RestrictionComponent { Period = new Period { StartElement = FhirTime(t.CreatedAt), EndElement = FhirTime(due) } } : null,
            Input = Inputs(t, form),
            Output = Outputs(t, form),
        };
        if (t.FollowUpAt is { } followUp)
        {
            task.Extension.Add(new Extension(FollowUpExtension, new FhirDateTime(Utc(followUp))));
        }

        return task;
    }

    /// <summary>A patient id as a reference: a bare id becomes <c>Patient/{id}</c>; a relative or absolute reference stays as it is.</summary>
    public static string PatientReference(string id) => id.Contains('/', StringComparison.Ordinal) || id.Contains(':', StringComparison.Ordinal) ? id : $"Patient/{id}";

    private static ResourceReference? Patient(InboxTaskRecord t) => t.PatientId is null && t.PatientName is null && t.PatientMrn is null ? null : new ResourceReference
    {
        Reference = t.PatientId is { } id ? PatientReference(id) : null,
        Display = t.PatientName,
        Identifier = t.PatientMrn is { } mrn
            ? new Identifier { Type = new CodeableConcept { Coding = [new Coding(IdentifierTypeSystem, "MR", "Medical record number")], Text = "MRN" }, Value = mrn }
            : null,
    };

    private static ResourceReference Practitioner(string userId, TaskResourceFacts facts) => new($"Practitioner/{userId}", facts.UserNames.GetValueOrDefault(userId));

    private static Identifier InstanceIdentifier(string instanceId) => new(InstanceSystem, instanceId);

    private static CodeableConcept Concept(string system, string code, string text) => new() { Coding = [new Coding(system, code, text)], Text = text };

    private static string? HoldReason(IReadOnlyList<InboxTaskHistoryRecord> history) =>
        history.LastOrDefault(h => h.Action == "held") is { Details: { } details } && JsonNode.Parse(details)?["reason"] is JsonValue reason ? reason.ToString() : null;

    /// <summary>The instructions as the first note, then each comment and outreach attempt, with who wrote it and when.</summary>
    private static List<Annotation> Notes(InboxTaskRecord t, TaskResourceFacts facts)
    {
        var notes = new List<Annotation>();
        if (t.Instructions is { } instructions)
        {
            notes.Add(new Annotation { Text = instructions, TimeElement = FhirTime(t.CreatedAt) });
        }

        foreach (var entry in facts.History)
        {
            var details = entry.Details is null ? null : JsonNode.Parse(entry.Details) as JsonObject;
            var text = entry.Action switch
            {
                "commented" => JsonText.StringOf(details, "text"),
                "attempted" => $"Outreach attempt by {JsonText.StringOf(details, "channel")}: {JsonText.StringOf(details, "result")}." + (JsonText.StringOf(details, "note") is { } note ? $" {note}" : ""),
                _ => null,
            };
            if (text is not null)
            {
                var at = entry.Action == "attempted" && details?["at"] is JsonValue when && when.TryGetValue<DateTimeOffset>(out var attemptedAt) ? attemptedAt.UtcDateTime : entry.At;
                notes.Add(new Annotation
                {
                    Author = entry.Actor is { } actor ? Practitioner(actor, facts) : null,
                    TimeElement = FhirTime(at),
                    Text = text,
                });
            }
        }

        return notes;
    }

    /// <summary>Each form field (its definition as JSON) and each allowed outcome; or a generic task's input, member by member.</summary>
    private static List<FhirTask.ParameterComponent> Inputs(InboxTaskRecord t, IReadOnlyList<FormField> form)
    {
        var inputs = form.Select(f => new FhirTask.ParameterComponent { Type = Concept(TaskFieldSystem, f.Key, f.Label), Value = new FhirString(f.Definition) }).ToList();
        if (form.Count > 0 || t.Kind == "HumanTask")
        {
            var outcomes = JsonNode.Parse(t.Outcomes) as JsonArray ?? [];
            inputs.AddRange(outcomes.OfType<JsonValue>().Select(o => new FhirTask.ParameterComponent
            {
                Type = Concept(TaskParameterSystem, "allowed-outcome", "Allowed outcome"),
                Value = new FhirString(o.ToString()),
            }));
        }

        inputs.AddRange(Members(t.Input, form, "input", "Input").Select(m => new FhirTask.ParameterComponent { Type = m.Type, Value = m.Value }));
        return inputs;
    }

    /// <summary>The outcome and the submitted data, member by member (labelled from the form); empty until the task is completed.</summary>
    private static List<FhirTask.OutputComponent> Outputs(InboxTaskRecord t, IReadOnlyList<FormField> form)
    {
        var outputs = new List<FhirTask.OutputComponent>();
        if (t.Outcome is { } outcome)
        {
            outputs.Add(new FhirTask.OutputComponent { Type = Concept(TaskParameterSystem, "outcome", "Outcome"), Value = new FhirString(outcome) });
        }

        outputs.AddRange(Members(t.Result, form, "data", "Data").Select(m => new FhirTask.OutputComponent { Type = m.Type, Value = m.Value }));
        return outputs;
    }

    /// <summary>
    /// A JSON object's members as typed values (string, boolean, integer, decimal; arrays and objects as JSON text), each
    /// named by its key and labelled from the form; anything but an object as one value. Empty members are left out,
    /// since a FHIR value is never empty.
    /// </summary>
    private static IEnumerable<(CodeableConcept Type, DataType Value)> Members(string? json, IReadOnlyList<FormField> form, string wholeCode, string wholeText)
    {
        var node = json is null ? null : JsonNode.Parse(json);
        if (node is JsonObject members)
        {
            foreach (var (key, value) in members)
            {
                if (Value(value) is { } typed)
                {
                    yield return (Concept(TaskFieldSystem, key, form.FirstOrDefault(f => f.Key == key)?.Label ?? key), typed);
                }
            }
        }
        else if (Value(node) is { } whole)
        {
            yield return (Concept(TaskParameterSystem, wholeCode, wholeText), whole);
        }
    }

    private static DataType? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } text ? new FhirString(text) : null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new FhirBoolean(v.GetValue<bool>()),
        JsonValue v when v.TryGetValue<int>(out var number) => new Integer(number),
        JsonValue v when v.TryGetValue<decimal>(out var number) => new FhirDecimal(number),
        _ => new FhirString(node.ToJsonString()),
    };

    // Stored forms were read by TaskForm when their task was made; it reads them here the same way.
    private static IReadOnlyList<FormField> FormFields(string? form) =>
        TaskForm.Parse(form is null ? null : JsonNode.Parse(form), out _) is { } parsed
            ? [.. parsed.Fields.Select(f => new FormField(f.Key, f.Label, f.Definition!.ToJsonString()))]
            : [];

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static FhirDateTime? FhirTime(DateTime? at) => at is { } value ? new FhirDateTime(Utc(value)) : null;

    private sealed record FormField(string Key, string Label, string Definition);
}
