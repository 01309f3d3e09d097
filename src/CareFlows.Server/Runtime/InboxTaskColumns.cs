using System.Data.Common;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>
/// An inbox task's whole row as the runtime writes and reads it: the columns in one order, the values of a new task in
/// that order, and a row read back in that order. A task is read whole by id on every request about it, through the
/// runtime's kept, prepared statements rather than a query built per request.
/// </summary>
internal static class InboxTaskColumns
{
    /// <summary>Every column but the revision, which a new task starts at 1 and every change moves on.</summary>
    public const string List =
        "\"Id\",\"InstanceId\",\"BookmarkId\",\"DefinitionId\",\"DefinitionVersion\",\"Pathway\",\"ActivityId\",\"Kind\",\"Title\",\"Instructions\","
        + "\"PatientId\",\"PatientName\",\"PatientMrn\",\"PatientBirthDate\",\"BusinessStatus\",\"Status\",\"Priority\",\"PriorityRank\",\"Owner\","
        + "\"DueAt\",\"FollowUpAt\",\"Form\",\"Outcomes\",\"Input\",\"Outcome\",\"Result\",\"CreatedAt\",\"UpdatedAt\",\"StartedAt\",\"EndedAt\"";

    public static object[] Values(InboxTaskRecord t) =>
    [
        t.Id, t.InstanceId, t.BookmarkId, t.DefinitionId, t.DefinitionVersion, TypedNull.Of(t.Pathway), t.ActivityId, t.Kind, t.Title, TypedNull.Of(t.Instructions),
        TypedNull.Of(t.PatientId), TypedNull.Of(t.PatientName), TypedNull.Of(t.PatientMrn), TypedNull.Of(t.PatientBirthDate), TypedNull.Of(t.BusinessStatus),
        t.Status, t.Priority, t.PriorityRank, TypedNull.Of(t.Owner),
        TypedNull.Of(t.DueAt), TypedNull.Of(t.FollowUpAt), TypedNull.Of(t.Form), t.Outcomes, TypedNull.Of(t.Input), TypedNull.Of(t.Outcome), TypedNull.Of(t.Result),
        t.CreatedAt, t.UpdatedAt, TypedNull.Of(t.StartedAt), TypedNull.Of(t.EndedAt),
    ];

    /// <summary>A row of <c>SELECT List,"Revision"</c>.</summary>
    public static InboxTaskRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        InstanceId = r.GetString(1),
        BookmarkId = r.GetString(2),
        DefinitionId = r.GetString(3),
        DefinitionVersion = r.GetInt32(4),
        Pathway = Text(r, 5),
        ActivityId = r.GetString(6),
        Kind = r.GetString(7),
        Title = r.GetString(8),
        Instructions = Text(r, 9),
        PatientId = Text(r, 10),
        PatientName = Text(r, 11),
        PatientMrn = Text(r, 12),
        PatientBirthDate = r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13),
        BusinessStatus = Text(r, 14),
        Status = r.GetString(15),
        Priority = r.GetString(16),
        PriorityRank = r.GetInt32(17),
        Owner = Text(r, 18),
        DueAt = Time(r, 19),
        FollowUpAt = Time(r, 20),
        Form = Text(r, 21),
        Outcomes = r.GetString(22),
        Input = Text(r, 23),
        Outcome = Text(r, 24),
        Result = Text(r, 25),
        CreatedAt = Time(r, 26)!.Value,
        UpdatedAt = Time(r, 27)!.Value,
        StartedAt = Time(r, 28),
        EndedAt = Time(r, 29),
        Revision = r.GetInt64(30),
    };

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    // Times are stored in UTC; SQLite and SQL Server hand them back without saying so.
    private static DateTime? Time(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(r.GetDateTime(ordinal), DateTimeKind.Utc);
}
