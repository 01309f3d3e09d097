using CareFlows.Server.Audit;

namespace CareFlows.Server.Features.Teams;

/// <summary>How a change to a team, its membership included (which decides whose tasks and patients one sees), is recorded.</summary>
internal static class TeamAudit
{
    public const string EntityType = "team";

    public static AuditChange Change(string operation, string action, string teamId, TeamResponse? before, TeamResponse? after) =>
        new(operation, action, EntityType, teamId)
        {
            Before = before is null ? null : AuditChange.Snapshot(before),
            After = after is null ? null : AuditChange.Snapshot(after),
        };
}
