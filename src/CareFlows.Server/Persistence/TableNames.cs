namespace CareFlows.Server.Persistence;

/// <summary>
/// The tables the runtime's own SQL (<c>Runtime/RuntimeSql</c>) writes and reads, named once for the EF model and that
/// SQL alike. Their columns are named by the EF model (the entities' properties); a test checks every statement's
/// tables and columns against the model of each provider.
/// </summary>
public static class TableNames
{
    public const string WorkflowDefinitions = "WorkflowDefinitions";
    public const string WorkflowInstances = "WorkflowInstances";
    public const string Bookmarks = "Bookmarks";
    public const string JournalEntries = "JournalEntries";
    public const string BufferedEvents = "BufferedEvents";
    public const string EventReceipts = "EventReceipts";
    public const string TriggerOccurrences = "TriggerOccurrences";
    public const string InboxTasks = "InboxTasks";
    public const string InboxTaskTeams = "InboxTaskTeams";
    public const string InboxTaskHistory = "InboxTaskHistory";
    public const string Notifications = "Notifications";
    public const string SavedFilters = "SavedFilters";
    public const string Sessions = "Sessions";
    public const string Teams = "Teams";
    public const string TeamMembers = "TeamMembers";
    public const string DataProtectionKeys = "DataProtectionKeys";
    public const string AuditRecords = "AuditRecords";
    public const string AuditChainHead = "AuditChainHead";
    public const string AuditCheckpoints = "AuditCheckpoints";
    public const string AccessGrants = "AccessGrants";
}
