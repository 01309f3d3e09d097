namespace CareFlows.Server.Persistence.Entities;

/// <summary>An inbox query a person saved under a name of their own, kept as the query string it runs.</summary>
public sealed class SavedFilterRecord
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The <c>/api/tasks</c> query string, for example <c>queue=team&amp;priority=stat&amp;sort=due</c>.</summary>
    public required string Query { get; set; }

    public DateTime CreatedAt { get; set; }
}
