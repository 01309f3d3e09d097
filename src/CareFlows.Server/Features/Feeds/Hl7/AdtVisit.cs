namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>The visit as the PV1 segment describes it.</summary>
public sealed record AdtVisit
{
    /// <summary>PV1-2 (table 0004: I inpatient, O outpatient, E emergency, …).</summary>
    public string? PatientClass { get; init; }

    /// <summary>PV1-3, the assigned location.</summary>
    public AdtLocation? Location { get; init; }

    /// <summary>PV1-4 (table 0007: E emergency, U urgent, EL elective, …); "acute admission" in LACE.</summary>
    public string? AdmissionType { get; init; }

    /// <summary>PV1-10 (table 0069, e.g. MED, SUR, ONC); the discharging service in the HOSPITAL score.</summary>
    public string? HospitalService { get; init; }

    /// <summary>PV1-19; required for discharges, cancellations and updates, which all refer to a visit.</summary>
    public Hl7Identifier? VisitNumber { get; init; }

    /// <summary>PV1-36, a UB-04 patient discharge status in the US ("01" home or self care, "03" skilled nursing, …).</summary>
    public string? DischargeDisposition { get; init; }

    /// <summary>PV1-37.1, where the patient went.</summary>
    public string? DischargedToLocation { get; init; }

    /// <summary>PV1-44.</summary>
    public DateTimeOffset? AdmitTime { get; init; }

    /// <summary>PV1-45; required for a discharge.</summary>
    public DateTimeOffset? DischargeTime { get; init; }
}
