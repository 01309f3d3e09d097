namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>The patient as the PID segment names them.</summary>
public sealed record AdtPatient
{
    /// <summary>The medical record number: the PID-3 identifier typed MR, else the first one.</summary>
    public required Hl7Identifier Mrn { get; init; }

    /// <summary>Every PID-3 identifier, in the order sent.</summary>
    public required IReadOnlyList<Hl7Identifier> Identifiers { get; init; }

    /// <summary>PID-5.1, from the legal name (name type L) when several names are sent.</summary>
    public string? FamilyName { get; init; }

    /// <summary>PID-5.2.</summary>
    public string? GivenName { get; init; }

    /// <summary>PID-7, as the calendar date written, whatever time of day came with it.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>PID-8 (table 0001: F, M, O, U, …).</summary>
    public string? Sex { get; init; }

    /// <summary>PID-29.</summary>
    public DateTimeOffset? DeathTime { get; init; }

    /// <summary>PID-30: Y is true, N false, absent null.</summary>
    public bool? IsDeceased { get; init; }
}
