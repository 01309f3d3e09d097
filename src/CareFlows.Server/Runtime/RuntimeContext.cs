using CareFlows.Engine.Execution;
using CareFlows.Engine.Ports;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>What the runtime's stages (preparing bursts, admitting and writing their change sets) need, gathered once.</summary>
internal sealed class RuntimeContext(WorkflowEngine engine, WorkflowCatalog catalog, IIdentityGenerator ids, DatabaseConnections database, RuntimeOptions options, InboxUpdates inboxUpdates)
{
    public WorkflowEngine Engine => engine;

    public WorkflowCatalog Catalog => catalog;

    public TimeProvider Clock => engine.Clock;

    /// <summary>Now, as the database keeps a time (<see cref="StoredTime"/>): for what a request records on a task.</summary>
    public DateTime StoredNow => StoredTime.Of(Clock.GetUtcNow());

    public DatabaseProvider Provider => database.Provider;

    public DatabaseConnections Database => database;

    public RuntimeOptions Options => options;

    public EventWaitHints EventWaits { get; } = new();

    /// <summary>Where committed inbox changes go for this node's live subscribers.</summary>
    public InboxUpdates InboxUpdates => inboxUpdates;

    public string NewId() => ids.NewId();
}
