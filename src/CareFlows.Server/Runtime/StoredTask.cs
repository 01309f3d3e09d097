using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>An inbox task as committed, with the teams in whose queues it appears (ordinal order).</summary>
public sealed record StoredTask(InboxTaskRecord Task, IReadOnlyList<string> Teams)
{
    internal static StoredTask Of(InboxTaskRecord task, IEnumerable<string> teams) => new(task, InboxTaskTeamRecord.InOrder(teams));
}
