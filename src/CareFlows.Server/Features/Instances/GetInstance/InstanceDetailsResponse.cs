using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Instances.GetInstance;

/// <summary>
/// Everything about one instance: the indexed columns plus what its state document holds (input, output, variables,
/// open bookmarks, incidents and the lines WriteLine wrote).
/// </summary>
public sealed record InstanceDetailsResponse(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string? Name,
    string? CorrelationId,
    string Status,
    string SubStatus,
    JsonObject Input,
    JsonObject Output,
    JsonObject Variables,
    IReadOnlyList<BookmarkResponse> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<string> Log,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt);

/// <summary>An open bookmark: what the instance waits for. Resume it by id at <c>POST /api/bookmarks/{id}/resume</c>.</summary>
/// <param name="Id">The bookmark's id.</param>
/// <param name="Kind">Timer, Event or Task.</param>
/// <param name="Name">The waiting activity's type, for example Elsa.Event.</param>
/// <param name="ActivityId">The activity that waits.</param>
/// <param name="CreatedAt">When the instance started waiting here.</param>
/// <param name="DueAt">When a timer comes due.</param>
/// <param name="EventName">The event an event bookmark waits for.</param>
/// <param name="CorrelationKey">The correlation key the event must carry.</param>
/// <param name="TaskId">The task a task bookmark waits for.</param>
public sealed record BookmarkResponse(
    string Id,
    string Kind,
    string Name,
    string ActivityId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    string? EventName,
    string? CorrelationKey,
    string? TaskId);

public static class InstanceDetailsMapping
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the stored state document as it is; nothing is compiled or run to answer.</summary>
    public static InstanceDetailsResponse ToResponse(this WorkflowInstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = JsonSerializer.Deserialize<StoredState>(record.State, StateJson)
            ?? throw new JsonException($"Instance {record.Id} has an empty state document.");
        return new InstanceDetailsResponse(
            record.Id,
            record.DefinitionId,
            record.DefinitionVersionId,
            record.DefinitionVersion,
            record.Name,
            record.CorrelationId,
            record.Status,
            record.SubStatus,
            state.Input ?? [],
            state.Output ?? [],
            state.Variables ?? [],
            state.Bookmarks ?? [],
            state.Incidents ?? [],
            state.Log ?? [],
            record.CreatedAt,
            record.UpdatedAt,
            record.FinishedAt);
    }

    /// <summary>The parts of the engine's state document (see WorkflowStateSerializer) that the API shows.</summary>
    private sealed record StoredState(
        JsonObject? Input,
        JsonObject? Output,
        JsonObject? Variables,
        List<BookmarkResponse>? Bookmarks,
        List<Incident>? Incidents,
        List<string>? Log);
}
