using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Definitions;

/// <summary>One stored version of a definition: what the store knows about it, without its JSON.</summary>
public record DefinitionVersionResponse
{
    public required string DefinitionId { get; init; }

    /// <summary>The version id (Elsa's <c>id</c>).</summary>
    public required string Id { get; init; }

    public required int Version { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The newest version, published or draft.</summary>
    public required bool IsLatest { get; init; }

    /// <summary>The version new instances start on.</summary>
    public required bool IsPublished { get; init; }

    /// <summary>When the version was first published; a version once published is never edited again.</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>
    /// Draft (never published; may still change), Published (new instances start on it) or Retired (published once,
    /// superseded or retired since; its instances run on, no new ones start).
    /// </summary>
    public required DefinitionVersionStatus Status { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>The sign-in name of who started this version.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The user id of who last changed this version (saved, published, retired, reverted to it); <c>system</c> for CareFlows' own imports.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>
    /// Names this version's content as stored now; a designer sends it back as <c>If-Match</c> when saving a draft, so
    /// that a save made over someone else's meanwhile is refused (409) rather than silently lost.
    /// </summary>
    public required string Etag { get; init; }
}

/// <summary>A version of a definition with its Elsa 3 workflow-definition JSON.</summary>
public sealed record DefinitionResponse : DefinitionVersionResponse
{
    [SetsRequiredMembers]
    public DefinitionResponse(DefinitionVersionResponse version, JsonNode definition)
        : base(version)
    {
        Definition = definition;
    }

    /// <summary>The Elsa 3 definition, exactly as exported.</summary>
    [JsonPropertyOrder(1)]
    public JsonNode Definition { get; init; }
}

public static class DefinitionResponseMappings
{
    public static DefinitionVersionResponse ToVersionResponse(this WorkflowDefinitionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DefinitionVersionResponse
        {
            DefinitionId = record.DefinitionId,
            Id = record.Id,
            Version = record.Version,
            Name = record.Name,
            Description = record.Description,
            IsLatest = record.IsLatest,
            IsPublished = record.IsPublished,
            PublishedAt = record.PublishedAt,
            Status = record.IsPublished ? DefinitionVersionStatus.Published : record.PublishedAt is null ? DefinitionVersionStatus.Draft : DefinitionVersionStatus.Retired,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            CreatedBy = record.CreatedBy,
            UpdatedBy = record.UpdatedBy,
            Etag = DefinitionEtag.Of(record),
        };
    }

    public static DefinitionResponse ToResponse(this WorkflowDefinitionRecord record) =>
        new(record.ToVersionResponse(), JsonNode.Parse(record.Json)!);
}

/// <summary>Where a version stands in its life.</summary>
public enum DefinitionVersionStatus
{
    Draft,
    Published,
    Retired,
}
