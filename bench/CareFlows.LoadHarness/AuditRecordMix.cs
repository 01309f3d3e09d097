using System.Globalization;
using CareFlows.Server.Audit;

namespace CareFlows.LoadHarness;

/// <summary>
/// Audit records shaped like those the server writes over a coordinators' working day, one a second: inbox searches
/// with the patients they showed, task and timeline reads, task claims, completions and releases with the task's state
/// before and after, instance starts and resumes, feed events, and the odd refused request or break-the-glass read.
/// Each is a function of its number alone, so that every run seeds the same log. The JSON is written as the server's
/// snapshots serialize (camel case, no spaces), by hand: building it as nodes took longer than writing the records.
/// </summary>
internal static class AuditRecordMix
{
    /// <summary>Where the seeded log starts; records follow a second apart (with sub-second jitter).</summary>
    public static readonly DateTime Start = new(2026, 1, 5, 7, 0, 0, DateTimeKind.Utc);

    private const int Users = 400;
    private const int Patients = 50_000;

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0",
    ];

    private static readonly string[] Queries =
    [
        "?queue=team&sort=due&pageSize=50",
        "?queue=mine&sort=due&pageSize=50",
        "?queue=team&sort=priority&pageSize=25&status=ready",
    ];

    private static readonly string[] Outcomes = ["reached", "left-voicemail", "no-answer", "escalated"];

    /// <summary>The time of record <paramref name="n"/> (from 1), at the microsecond precision every database keeps.</summary>
    public static DateTime TimeOf(long n) => Start.AddTicks((n * TimeSpan.TicksPerSecond) + (Spread(n, 1_000_000) * 10));

    /// <summary>Record <paramref name="n"/> (from 1) of the mix.</summary>
    public static AuditEntry Entry(long n)
    {
        var user = Spread(n, Users);
        var actor = new Actor($"u-{user:0000}", $"10.{20 + (user / 200)}.{user % 200}.{17 + (user % 31)}", UserAgents[user % UserAgents.Length],
            Convert.ToHexStringLower(BitConverter.GetBytes((ulong)n * 0x9E3779B97F4A7C15)) + Convert.ToHexStringLower(BitConverter.GetBytes(n)));
        var at = new DateTimeOffset(TimeOf(n));
        return (n % 100) switch
        {
            < 35 => Search(n, actor, at),
            < 45 => TaskRead(n, actor, at),
            < 50 => Timeline(n, actor, at),
            < 65 => TaskChange(n, actor, at, "task.claim", "ready", "in-progress", actor.Id, null),
            < 77 => TaskChange(n, actor, at, "task.complete", "in-progress", "completed", actor.Id, Outcomes[Spread(n, Outcomes.Length)]),
            < 80 => TaskChange(n, actor, at, "task.unclaim", "in-progress", "ready", null, null),
            < 90 => Instance(n, at, "instance.start", AuditActions.Create),
            < 95 => Instance(n, at, "instance.resume", AuditActions.Execute),
            < 99 => Event(n, at),
            _ => n % 1_000 == 999 ? BreakGlass(n, actor, at) : Refused(n, actor, at),
        };
    }

    private sealed record Actor(string Id, string Address, string UserAgent, string CorrelationId);

    private static AuditEntry Search(long n, Actor actor, DateTimeOffset at)
    {
        var patients = string.Join("\",\"", Enumerable.Range(0, 10 + Spread(n, 16)).Select(i => Patient(n + (i * 7919))));
        var after = $$"""{"count":{{40 + Spread(n, 400)}},"patients":["{{patients}}"],"query":"{{Queries[Spread(n, Queries.Length)]}}"}""";
        return Base(actor, at, "task.search", AuditActions.Read, "task", null) with { After = after };
    }

    private static AuditEntry TaskRead(long n, Actor actor, DateTimeOffset at) =>
        Base(actor, at, "task.read", AuditActions.Read, "task", TaskId(n)) with { PatientId = Patient(n), InstanceId = InstanceId(n) };

    private static AuditEntry Timeline(long n, Actor actor, DateTimeOffset at) =>
        Base(actor, at, "patient.read-timeline", AuditActions.Read, "patient", Patient(n)) with { PatientId = Patient(n) };

    private static AuditEntry TaskChange(long n, Actor actor, DateTimeOffset at, string operation, string from, string to, string? owner, string? outcome)
    {
        var team = $"team-{Spread(n, 12):00}";
        var before = TaskState(from, from == "ready" ? null : actor.Id, Priority(n), team, null, null);
        var details = outcome is null ? null
            : $$"""{"comment":"Called the patient about the follow-up; medication reconciled, next appointment booked with the GP.","attempt":{{1 + Spread(n, 3)}}}""";
        return Base(actor, at, operation, AuditActions.Update, "task", TaskId(n)) with
        {
            PatientId = Patient(n),
            Before = before,
            After = TaskState(to, owner, Priority(n), team, outcome, details),
            DefinitionId = "discharge-follow-up",
            DefinitionVersion = 3,
            InstanceId = InstanceId(n),
        };
    }

    /// <summary>A task as the task changes describe it: who has it, where it stands, how it ended.</summary>
    private static string TaskState(string status, string? owner, string priority, string team, string? outcome, string? details) =>
        $$"""{"status":"{{status}}","owner":{{Quoted(owner)}},"priority":"{{priority}}","teams":["{{team}}"],"outcome":{{Quoted(outcome)}}""" +
        (details is null ? "}" : $$""","details":{{details}}}""");

    private static string Quoted(string? value) => value is null ? "null" : $"\"{value}\"";

    private static AuditEntry Instance(long n, DateTimeOffset at, string operation, string action)
    {
        string State(string subStatus, int bookmarks) =>
            $$"""{"status":"Running","subStatus":"{{subStatus}}","correlationId":"visit-{{n:000000000}}","openBookmarks":{{bookmarks}},"incidents":0}""";
        return new AuditEntry
        {
            OccurredAt = at,
            ActorType = AuditActorTypes.Client,
            ActorId = "adt-feed",
            Operation = operation,
            Action = action,
            EntityType = "instance",
            EntityId = InstanceId(n),
            Before = action == AuditActions.Create ? null : State("Suspended", 1),
            After = State("Suspended", action == AuditActions.Create ? 1 : 2),
            Outcome = AuditOutcomes.Success,
            ClientAddress = "10.8.0.4",
            CorrelationId = $"{n:x16}{n * 31:x16}",
            DefinitionId = "discharge-follow-up",
            DefinitionVersion = 3,
            InstanceId = InstanceId(n),
        };
    }

    private static AuditEntry Event(long n, DateTimeOffset at) => new()
    {
        OccurredAt = at,
        ActorType = AuditActorTypes.Client,
        ActorId = "adt-feed",
        Operation = "event.publish",
        Action = AuditActions.Execute,
        EntityType = "event",
        EntityId = "PatientDischarged",
        After = $$"""{"correlationKey":"visit-{{n:000000000}}","idempotencyKey":"adt-{{n:x16}}","disposition":"Delivered","resumed":[],"started":["{{InstanceId(n)}}"]}""",
        Outcome = AuditOutcomes.Success,
        ClientAddress = "10.8.0.4",
        CorrelationId = $"{n:x16}{n * 17:x16}",
    };

    private static AuditEntry BreakGlass(long n, Actor actor, DateTimeOffset at) => TaskRead(n, actor, at) with
    {
        PurposeOfUse = "ETREAT",
        Reason = "Patient arrived at the emergency department unconscious; their care plan is needed now.",
    };

    private static AuditEntry Refused(long n, Actor actor, DateTimeOffset at) => new()
    {
        OccurredAt = at,
        ActorType = AuditActorTypes.Anonymous,
        Operation = "access.refused",
        Action = AuditActions.Read,
        EntityType = "endpoint",
        EntityId = "/api/tasks/" + TaskId(n),
        Outcome = AuditOutcomes.Denied,
        ClientAddress = actor.Address,
        UserAgent = actor.UserAgent,
        CorrelationId = actor.CorrelationId,
    };

    private static AuditEntry Base(Actor actor, DateTimeOffset at, string operation, string action, string entityType, string? entityId) => new()
    {
        OccurredAt = at,
        ActorType = AuditActorTypes.User,
        ActorId = actor.Id,
        Operation = operation,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Outcome = AuditOutcomes.Success,
        ClientAddress = actor.Address,
        UserAgent = actor.UserAgent,
        PurposeOfUse = "TREAT",
        CorrelationId = actor.CorrelationId,
    };

    private static string Patient(long n) => "Patient/" + (1 + Spread(n, Patients)).ToString(CultureInfo.InvariantCulture);

    private static string TaskId(long n) => $"tsk-{Spread(n, 1_000_000):x8}{n % 4096:x3}";

    private static string InstanceId(long n) => $"ins-{Spread(n, 1_000_000):x8}{n % 4096:x3}";

    private static string Priority(long n) => Spread(n, 10) switch
    {
        0 => "stat",
        1 or 2 => "urgent",
        _ => "routine",
    };

    /// <summary>A number from 0 to <paramref name="range"/> − 1 that looks random but depends on <paramref name="n"/> alone.</summary>
    private static int Spread(long n, int range) => (int)(((ulong)n * 0x9E3779B97F4A7C15 >> 17) % (ulong)range);
}
