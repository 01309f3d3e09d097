namespace CareFlows.Server.Persistence.Entities;

/// <summary>One version of a workflow definition, stored as its Elsa 3 JSON.</summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>The version id (Elsa's <c>id</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The id shared by every version (Elsa's <c>definitionId</c>).</summary>
    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The newest version, published or draft; exactly one per definition.</summary>
    public bool IsLatest { get; set; }

    /// <summary>The version new instances start on; at most one per definition.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Set once the version has ever been published; such a version is never edited again.</summary>
    public DateTime? PublishedAt { get; set; }

    public required string Json { get; set; }

    /// <summary>SHA-256 of the definition's content, so importing the same file twice adds no version.</summary>
    public required string ContentHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The sign-in name of who started the version.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>The user id of who last changed the version; rows from before it was kept carry <see cref="CreatedBy"/>.</summary>
    public string? UpdatedBy { get; set; }
}
