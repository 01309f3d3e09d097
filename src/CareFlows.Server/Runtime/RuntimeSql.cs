using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The hot path's statements. Identifiers are double-quoted, which SQLite, PostgreSQL and SQL Server (with
/// QUOTED_IDENTIFIER on, SqlClient's default) all accept. Tables are named by <see cref="TableNames"/> and columns by
/// the EF model; <c>RuntimeSqlTests</c> checks every statement here against the model of each provider.
/// </summary>
internal static class RuntimeSql
{
    public const string InsertInstance =
        $$"""
        INSERT INTO "{{TableNames.WorkflowInstances}}" ("Id","DefinitionId","DefinitionVersionId","DefinitionVersion","Name","CorrelationId","Status","SubStatus","IncidentCount","State","CreatedAt","UpdatedAt","FinishedAt","Revision")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,1)
        """;

    // The revision guard is the concurrency token: a burst commits only over the state it started from.
    public const string UpdateInstance =
        $$"""
        UPDATE "{{TableNames.WorkflowInstances}}" SET "Name"=@p1,"CorrelationId"=@p2,"Status"=@p3,"SubStatus"=@p4,"IncidentCount"=@p5,"State"=@p6,"UpdatedAt"=@p7,"FinishedAt"=@p8,"Revision"=@p9+1
        WHERE "Id"=@p0 AND "Revision"=@p9
        """;

    /// <summary>
    /// PostgreSQL: <see cref="UpdateInstance"/>, failing with division by zero (SQLSTATE 22012) when the revision guard
    /// stops it, so that the transaction aborts in the database and the COMMIT sent with it does not take effect.
    /// </summary>
    public const string UpdateInstanceOrFail =
        "WITH updated AS (" + UpdateInstance + " RETURNING 1) SELECT 1 / COUNT(*) FROM updated";

    /// <summary>
    /// PostgreSQL: fails with division by zero, like <see cref="UpdateInstanceOrFail"/>, unless the task is still at the
    /// revision a request was decided on; sent with the writes instead of reading the revision before them.
    /// </summary>
    public const string GuardTaskRevision = $$"""SELECT 1 / COUNT(*) FROM "{{TableNames.InboxTasks}}" WHERE "Id"=@p0 AND "Revision"=@p1""";

    public const string InsertBookmark =
        $$"""
        INSERT INTO "{{TableNames.Bookmarks}}" ("Id","InstanceId","Kind","Name","ActivityId","DueAt","EventName","CorrelationKey","TaskId","CreatedAt")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9)
        """;

    public const string DeleteBookmark = $$"""DELETE FROM "{{TableNames.Bookmarks}}" WHERE "Id"=@p0""";

    public const string InsertJournal =
        $$"""
        INSERT INTO "{{TableNames.JournalEntries}}" ("InstanceId","Sequence","Timestamp","ActivityId","ActivityType","ActivityName","EventName","Message")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7)
        """;

    /// <summary>PostgreSQL: journal rows given column by column as arrays, any number in one statement.</summary>
    public const string InsertJournalArrays =
        $$"""
        INSERT INTO "{{TableNames.JournalEntries}}" ("InstanceId","Sequence","Timestamp","ActivityId","ActivityType","ActivityName","EventName","Message")
        SELECT * FROM unnest(@p0::text[],@p1::bigint[],@p2::timestamptz[],@p3::text[],@p4::text[],@p5::text[],@p6::text[],@p7::text[])
        """;

    /// <summary>A single-row INSERT … VALUES (@p0 … @p<c>columns-1</c>) made to insert <paramref name="rows"/> rows at once.</summary>
    public static string MultiRow(string insert, int rows, int columns) =>
        insert[..insert.IndexOf("VALUES", StringComparison.Ordinal)] + "VALUES " + string.Join(',',
            Enumerable.Range(0, rows).Select(row => "(" + string.Join(',',
                Enumerable.Range(row * columns, columns).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")"));

    public const string InsertBufferedEvent =
        $$"""
        INSERT INTO "{{TableNames.BufferedEvents}}" ("Id","EventName","CorrelationKey","Payload","IdempotencyKey","ReceivedAt","ExpiresAt")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6)
        """;

    public const string DeleteBufferedEvent = $$"""DELETE FROM "{{TableNames.BufferedEvents}}" WHERE "Id"=@p0""";

    public const string InsertReceipt =
        $$"""
        INSERT INTO "{{TableNames.EventReceipts}}" ("IdempotencyKey","EventName","CorrelationKey","PayloadHash","ReceivedAt","Delivered","Buffered")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6)
        """;

    public const string InsertOccurrence =
        $$"""
        INSERT INTO "{{TableNames.TriggerOccurrences}}" ("DefinitionVersionId","ActivityId","OccursAt","InstanceId","StartedAt")
        VALUES (@p0,@p1,@p2,@p3,@p4)
        """;

    public const string InsertTask =
        $$"""INSERT INTO "{{TableNames.InboxTasks}}" ({{InboxTaskColumns.List}},"Revision") VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14,@p15,@p16,@p17,@p18,@p19,@p20,@p21,@p22,@p23,@p24,@p25,@p26,@p27,@p28,@p29,1)""";

    public const string InsertTaskTeam =
        $$"""
        INSERT INTO "{{TableNames.InboxTaskTeams}}" ("TaskId","Team","Queued","DueAt","PriorityRank")
        VALUES (@p0,@p1,@p2,@p3,@p4)
        """;

    public const string InsertTaskHistory =
        $$"""
        INSERT INTO "{{TableNames.InboxTaskHistory}}" ("TaskId","At","Actor","Action","Status","Details")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5)
        """;

    // A task ends with its bookmark, which the instance's revision guard already serializes.
    public const string EndTask =
        $$"""
        UPDATE "{{TableNames.InboxTasks}}" SET "Status"=@p1,"Outcome"=@p2,"Result"=@p3,"UpdatedAt"=@p4,"EndedAt"=@p5,"Revision"="Revision"+1
        WHERE "Id"=@p0
        """;

    // A task changed by a person (claim, reassign …); its instance's revision moves with it (see TaskWork).
    public const string UpdateTask =
        $$"""
        UPDATE "{{TableNames.InboxTasks}}" SET "Status"=@p1,"Owner"=@p2,"Priority"=@p3,"PriorityRank"=@p4,"StartedAt"=@p5,"UpdatedAt"=@p6,"Revision"="Revision"+1
        WHERE "Id"=@p0
        """;

    // A task a person's request changed and ended at once (claimed on the way to its completion).
    public const string UpdateAndEndTask =
        $$"""
        UPDATE "{{TableNames.InboxTasks}}" SET "Status"=@p1,"Owner"=@p2,"Priority"=@p3,"PriorityRank"=@p4,"StartedAt"=@p5,"Outcome"=@p6,"Result"=@p7,"UpdatedAt"=@p8,"EndedAt"=@p9,"Revision"="Revision"+1
        WHERE "Id"=@p0
        """;

    public const string InsertNotification =
        $$"""
        INSERT INTO "{{TableNames.Notifications}}" ("UserId","Kind","TaskId","Message","CreatedAt")
        VALUES (@p0,@p1,@p2,@p3,@p4)
        """;

    /// <summary>
    /// Locks the audit chain's end until the batch's transaction ends and reads it (see <see cref="Audit.AuditLog"/>):
    /// every writer of the chain, on any node, appends after the last one's commit.
    /// </summary>
    public const string ClaimAuditHead =
        $$"""UPDATE "{{TableNames.AuditChainHead}}" SET "Sequence"="Sequence" WHERE "Id"=@p0 RETURNING "Sequence","Hash" """;

    /// <summary><see cref="ClaimAuditHead"/> in SQL Server's dialect.</summary>
    public const string ClaimAuditHeadSqlServer =
        $$"""UPDATE "{{TableNames.AuditChainHead}}" SET "Sequence"="Sequence" OUTPUT INSERTED."Sequence",INSERTED."Hash" WHERE "Id"=@p0""";

    public const string UpdateAuditHead = $$"""UPDATE "{{TableNames.AuditChainHead}}" SET "Sequence"=@p1,"Hash"=@p2 WHERE "Id"=@p0""";

    /// <summary>
    /// PostgreSQL: moves the audit chain's head from the end the writer last left (@p3) to the batch's, failing when
    /// another writer moved it meanwhile (see <see cref="AuditHead"/>) — with a numeric overflow (SQLSTATE 22003), not
    /// the division by zero of the row guards, so that the failure names the head whichever statement the provider
    /// reports. The overflow depends on the count, so the planner cannot fold it into an error of every execution.
    /// </summary>
    public const string UpdateAuditHeadOrFail =
        "WITH updated AS (" + UpdateAuditHead + """ AND "Sequence"=@p3 RETURNING 1) SELECT CASE WHEN COUNT(*) = 1 THEN 1 ELSE (2147483648 - COUNT(*))::integer END FROM updated""";

    /// <summary>PostgreSQL: every audit record of a batch in one statement, a column to an array parameter.</summary>
    public const string InsertAuditRecordArrays =
        $$"""
        INSERT INTO "{{TableNames.AuditRecords}}" ("Sequence","OccurredAt","ActorType","ActorId","Operation","Action","EntityType","EntityId","PatientId","Before","After","Outcome","ClientAddress","UserAgent","PurposeOfUse","Reason","CorrelationId","DefinitionId","DefinitionVersion","InstanceId","PreviousHash","Hash")
        SELECT * FROM unnest(@p0::bigint[],@p1::timestamptz[],@p2::text[],@p3::text[],@p4::text[],@p5::text[],@p6::text[],@p7::text[],@p8::text[],@p9::text[],@p10::text[],@p11::text[],@p12::text[],@p13::text[],@p14::text[],@p15::text[],@p16::text[],@p17::text[],@p18::integer[],@p19::text[],@p20::text[],@p21::text[])
        """;

    public const string InsertAuditRecord =
        $$"""
        INSERT INTO "{{TableNames.AuditRecords}}" ("Sequence","OccurredAt","ActorType","ActorId","Operation","Action","EntityType","EntityId","PatientId","Before","After","Outcome","ClientAddress","UserAgent","PurposeOfUse","Reason","CorrelationId","DefinitionId","DefinitionVersion","InstanceId","PreviousHash","Hash")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14,@p15,@p16,@p17,@p18,@p19,@p20,@p21)
        """;

    public const string SelectTeamMembers = $$"""SELECT "UserId" FROM "{{TableNames.TeamMembers}}" WHERE "TeamId"=@p0""";

    // The task's queue rows follow it: waiting there or not, and its priority.
    public const string UpdateTaskQueue = $$"""UPDATE "{{TableNames.InboxTaskTeams}}" SET "Queued"=@p1,"PriorityRank"=@p2 WHERE "TaskId"=@p0""";

    public const string DeleteTaskTeams = $$"""DELETE FROM "{{TableNames.InboxTaskTeams}}" WHERE "TaskId"=@p0""";

    // Every lookup below is an equality on a whole index key (see LookupQueue for why).
    public const string SelectInstance = $$"""SELECT "Id","DefinitionVersionId","State","Revision" FROM "{{TableNames.WorkflowInstances}}" WHERE "Id"=@p0""";

    public const string SelectRevision = $$"""SELECT "Revision" FROM "{{TableNames.WorkflowInstances}}" WHERE "Id"=@p0""";

    public const string SelectTask = $$"""SELECT {{InboxTaskColumns.List}},"Revision" FROM "{{TableNames.InboxTasks}}" WHERE "Id"=@p0""";

    // A task's instance, read with the task: the instance id is known only once the task is.
    public const string SelectTaskInstance =
        $$"""
        SELECT i."Id",i."DefinitionVersionId",i."State",i."Revision"
        FROM "{{TableNames.InboxTasks}}" t JOIN "{{TableNames.WorkflowInstances}}" i ON i."Id"=t."InstanceId"
        WHERE t."Id"=@p0
        """;

    public const string SelectUserTeams = $$"""SELECT "TeamId" FROM "{{TableNames.TeamMembers}}" WHERE "UserId"=@p0""";

    public const string SelectTaskRevision = $$"""SELECT "Revision" FROM "{{TableNames.InboxTasks}}" WHERE "Id"=@p0""";

    public const string SelectTaskTeams = $$"""SELECT "Team" FROM "{{TableNames.InboxTaskTeams}}" WHERE "TaskId"=@p0""";

    public const string SelectTaskAttempts =
        $$"""SELECT "Details" FROM "{{TableNames.InboxTaskHistory}}" WHERE "TaskId"=@p0 AND "Action"='attempted' ORDER BY "Id" ASC""";

    public const string SelectReceipt = $$"""SELECT "IdempotencyKey","EventName","CorrelationKey","PayloadHash" FROM "{{TableNames.EventReceipts}}" WHERE "IdempotencyKey"=@p0""";

    public const string SelectOccurrence =
        $$"""SELECT "InstanceId" FROM "{{TableNames.TriggerOccurrences}}" WHERE "DefinitionVersionId"=@p0 AND "ActivityId"=@p1 AND "OccursAt"=@p2""";

    public const string SelectPublished = $$"""SELECT "IsPublished" FROM "{{TableNames.WorkflowDefinitions}}" WHERE "Id"=@p0""";

    /// <summary>PostgreSQL: <see cref="SelectPublished"/>, holding the row against a retire until the transaction ends.</summary>
    public const string SelectPublishedForShare = SelectPublished + " FOR SHARE";

    // The event lookups leave the kind out of the WHERE clause and check it on the rows read, so that the event index
    // answers them by itself.
    public const string SelectEventBookmarks = $$"""SELECT "Id","InstanceId","CorrelationKey","Kind" FROM "{{TableNames.Bookmarks}}" WHERE "EventName"=@p0""";

    public const string SelectEventBookmarksByKey = SelectEventBookmarks + """ AND "CorrelationKey"=@p1""";

    // The bookmarks waiting for an event, with the instances the event is about to resume: one lookup, not two.
    public const string SelectEventWaitersByKey =
        $$"""
        SELECT b."Id",b."InstanceId",b."CorrelationKey",b."Kind",i."DefinitionVersionId",i."State",i."Revision"
        FROM "{{TableNames.Bookmarks}}" b JOIN "{{TableNames.WorkflowInstances}}" i ON i."Id"=b."InstanceId"
        WHERE b."EventName"=@p0 AND b."CorrelationKey"=@p1
        """;

    // The bookmarks waiting for an event, with the revisions of their instances: what the writer checks a remembered
    // set of waiters and their instances against, in one lookup.
    public const string SelectEventWaiterRevisionsByKey =
        $$"""
        SELECT b."Id",b."InstanceId",b."CorrelationKey",b."Kind",i."Revision"
        FROM "{{TableNames.Bookmarks}}" b JOIN "{{TableNames.WorkflowInstances}}" i ON i."Id"=b."InstanceId"
        WHERE b."EventName"=@p0 AND b."CorrelationKey"=@p1
        """;

    public const string SelectBufferedEventsByKey =
        $$"""SELECT "Id","Payload","CorrelationKey" FROM "{{TableNames.BufferedEvents}}" WHERE "EventName"=@p0 AND "CorrelationKey"=@p1 AND "ExpiresAt">@p2 ORDER BY "ReceivedAt" """;

    public const string SelectBufferedEventsWithoutKey =
        $$"""SELECT "Id","Payload","CorrelationKey" FROM "{{TableNames.BufferedEvents}}" WHERE "EventName"=@p0 AND "CorrelationKey" IS NULL AND "ExpiresAt">@p1 ORDER BY "ReceivedAt" """;

    /// <summary>PostgreSQL: waits for, then holds until the transaction ends, the lock of one event key (see <see cref="Admission"/>).</summary>
    public const string LockEventKey = "SELECT pg_advisory_xact_lock(hashtextextended(@p0, 0))";
}
