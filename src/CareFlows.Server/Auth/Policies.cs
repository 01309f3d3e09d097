namespace CareFlows.Server.Auth;

/// <summary>Authorization policies endpoints ask for by name.</summary>
public static class Policies
{
    /// <summary>Any signed-in user who holds one of CareFlows' roles.</summary>
    public const string AnyRole = "AnyRole";

    /// <summary>Create, edit, publish, revert and delete definitions.</summary>
    public const string DefinitionWrite = "DefinitionWrite";

    /// <summary>
    /// Read instances (their variables are patient data): coordinators (those with a task of theirs), auditors and
    /// administrators; clinical leads see no patient data.
    /// </summary>
    public const string InstanceRead = "InstanceRead";

    /// <summary>Read the metrics' figures: clinical leads, auditors and administrators; not the coordinators they measure.</summary>
    public const string MetricsRead = "MetricsRead";

    /// <summary>Start instances, publish events, resume bookmarks.</summary>
    public const string InstanceWrite = "InstanceWrite";

    /// <summary>Cancel instances: administrators.</summary>
    public const string InstanceAdmin = "InstanceAdmin";

    /// <summary>Read and work inbox tasks: coordinators, auditors (read only) and administrators; clinical leads see no patient data.</summary>
    public const string Inbox = "Inbox";

    /// <summary>Work inbox tasks (claim, complete, comment, pass on, hold): coordinators and administrators; auditors only read them.</summary>
    public const string InboxWork = "InboxWork";

    /// <summary>List the patients' discharges, requests, referrals and tasks behind a metric's figures: auditors and administrators; clinical leads see the counts only.</summary>
    public const string MetricItems = "MetricItems";

    /// <summary>Read and verify the audit log: auditors and administrators.</summary>
    public const string AuditRead = "AuditRead";

    /// <summary>Ask for break-the-glass access to a patient outside one's teams: coordinators (others read every task or none).</summary>
    public const string BreakGlass = "BreakGlass";

    /// <summary>Manage users and teams.</summary>
    public const string UserAdmin = "UserAdmin";
}
