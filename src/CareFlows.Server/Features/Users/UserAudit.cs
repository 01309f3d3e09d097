using CareFlows.Server.Audit;

namespace CareFlows.Server.Features.Users;

/// <summary>How a change to a user — their roles and teams included, every privilege change — is recorded in the audit log.</summary>
internal static class UserAudit
{
    public const string EntityType = "user";

    /// <summary>The record of <paramref name="operation"/>, with the user as the API showed them before and after.</summary>
    public static AuditChange Change(string operation, string action, UserResponse? before, UserResponse after) =>
        new(operation, action, EntityType, after.Id)
        {
            Before = before is null ? null : AuditChange.Snapshot(before),
            After = AuditChange.Snapshot(after),
        };
}
