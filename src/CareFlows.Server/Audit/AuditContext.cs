namespace CareFlows.Server.Audit;

/// <summary>
/// Who is acting, from where and why: what every audit record of one request (or one feed message, one start-up
/// task) shares. It flows with the work like a trace context does, from the point that knows it — the request
/// pipeline once the caller is signed in, a feed listener once the sender is known — into every change and read that
/// work makes, so that the runtime and the stores record it without knowing about HTTP.
/// </summary>
public sealed record AuditContext
{
    private static readonly AsyncLocal<AuditContext?> Ambient = new();

    /// <summary>Work that no person or client asked for: start-up imports, timers, housekeeping.</summary>
    public static readonly AuditContext System = new() { ActorType = AuditActorTypes.System, ActorId = "careflows" };

    /// <summary>The context of the work running now; <see cref="System"/> outside any request.</summary>
    public static AuditContext Current => Ambient.Value ?? System;

    /// <summary><see cref="AuditActorTypes"/>: a user, a client system, the system itself, or an anonymous caller.</summary>
    public required string ActorType { get; init; }

    public string? ActorId { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Why the actor acts, as an HL7 PurposeOfUse code (TREAT, HOPERAT, ETREAT …).</summary>
    public string? PurposeOfUse { get; init; }

    /// <summary>The reason the actor stated (break-the-glass access).</summary>
    public string? Reason { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Makes <paramref name="context"/> current until the returned scope is disposed.</summary>
    public static IDisposable Use(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Restore(previous);
    }

    private sealed class Restore(AuditContext? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

public static class AuditActorTypes
{
    public const string User = "user";

    public const string Client = "client";

    public const string System = "system";

    /// <summary>A caller who did not sign in (a refused attempt).</summary>
    public const string Anonymous = "anonymous";
}

public static class AuditOutcomes
{
    public const string Success = "success";

    /// <summary>Refused: not signed in (401) or not allowed (403).</summary>
    public const string Denied = "denied";
}

/// <summary>The FHIR AuditEvent.action codes.</summary>
public static class AuditActions
{
    public const string Create = "C";

    public const string Read = "R";

    public const string Update = "U";

    public const string Delete = "D";

    public const string Execute = "E";
}
