using System.Globalization;
using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;

namespace CareFlows.Server.Features.Feeds;

/// <summary>
/// A patient's discharge as the discharge follow-up pathway reads it (its <c>Discharge</c> variable), whichever feed
/// told of it — an ADT^A03 or a finished FHIR Encounter — so that both start the same follow-up with the same facts.
/// </summary>
public sealed record DischargeNotice
{
    public required string VisitNumber { get; init; }

    public required FeedPatient Patient { get; init; }

    public DateTimeOffset? AdmittedAt { get; init; }

    public required DateTimeOffset DischargedAt { get; init; }

    /// <summary>The care setting left: inpatient-acute, inpatient-psychiatric, observation, outpatient, emergency …</summary>
    public string? Setting { get; init; }

    /// <summary>The UB-04 patient discharge status (01 home, 03 skilled nursing, 20 expired …).</summary>
    public string? Disposition { get; init; }

    public string? DischargedTo { get; init; }

    public bool? Deceased { get; init; }

    /// <summary>Admitted emergently (LACE's acuity), when the feed says.</summary>
    public bool? EmergentAdmission { get; init; }

    /// <summary>Admitted urgently or emergently rather than electively (HOSPITAL's admission type), when the feed says.</summary>
    public bool? NonElectiveAdmission { get; init; }

    /// <summary>Discharged from the oncology service, when the feed says.</summary>
    public bool? OncologyDischarge { get; init; }

    /// <summary>Which message told of it, for the record.</summary>
    public JsonObject? Source { get; init; }

    /// <summary>
    /// The idempotency key of this discharge, the same whichever feed tells of it (an A03 and a finished Encounter for one
    /// stay are one discharge): the patient, the visit and the discharge time to the minute. A discharge cancelled and
    /// made again later is a new one; resent unchanged, it is the same.
    /// </summary>
    public string IdempotencyKey => FeedKeys.Of("discharge", Patient.Mrn, VisitNumber, DischargedAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture));

    /// <summary>The event's payload; the risk inputs hold what the stay itself tells (length, acuity, service).</summary>
    public JsonObject ToPayload(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var risk = new JsonObject();
        if (AdmittedAt is { } admitted && DischargedAt >= admitted)
        {
            // The admission and the discharge day both count, in the organisation's calendar.
            risk["lengthOfStayDays"] = calendar.LocalDate(DischargedAt).DayNumber - calendar.LocalDate(admitted).DayNumber + 1;
        }

        risk["emergentAdmission"] = EmergentAdmission;
        risk["nonElectiveAdmission"] = NonElectiveAdmission;
        risk["oncologyDischarge"] = OncologyDischarge;
        foreach (var unknown in risk.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            risk.Remove(unknown);
        }

        return new JsonObject
        {
            ["visitNumber"] = VisitNumber,
            ["patient"] = Patient.ToJson(),
            ["admittedAt"] = AdmittedAt,
            ["dischargedAt"] = DischargedAt,
            ["setting"] = Setting,
            ["disposition"] = Disposition,
            ["dischargedTo"] = DischargedTo,
            ["deceased"] = Deceased,
            ["risk"] = risk,
            ["source"] = Source?.DeepClone(),
        };
    }
}

/// <summary>The patient a feed names, correlated by the medical record number.</summary>
public sealed record FeedPatient(string Mrn, string? Name, DateOnly? BirthDate, string? Sex)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Mrn,
        ["mrn"] = Mrn,
        ["name"] = Name,
        ["birthDate"] = BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sex"] = Sex,
    };
}
