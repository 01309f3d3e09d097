using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Server.Features.Feeds.Hl7;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>
/// What an ADT message means to the care pathways. A discharge starts a follow-up, so it is kept for whoever comes; an
/// admission, a cancelled discharge or a death only concern follow-ups running now, so they are dropped when none
/// listens — an admission must never end a follow-up that a later discharge starts.
/// </summary>
public static class AdtPathwayEvents
{
    /// <summary>The event an ADT message publishes, or null for an update that changes nothing the pathways follow.</summary>
    public static FeedEvent? Of(AdtMessage message, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(calendar);
        var patient = message.Patient.Mrn.Value;
        var key = FeedKeys.Of("adt", message.DeduplicationKey);
        return message.Event switch
        {
            AdtEvent.Discharge when Discharge(message) is var discharge => new(PathwayEvents.PatientDischarged, patient, discharge.ToPayload(calendar), discharge.IdempotencyKey, UnheardEvents.Buffer),
            // A later cancellation of the same visit (after it was discharged again) is recorded at a later time.
            AdtEvent.CancelDischarge => new(PathwayEvents.DischargeCancelled, patient, Visit(message), FeedKeys.Of("adt", message.DeduplicationKey, message.RecordedAt?.UtcDateTime.ToString("O") ?? message.ControlId), UnheardEvents.Drop),
            // An outpatient or emergency registration sent as an admit is no readmission.
            AdtEvent.Admit when AdtSettings.IsAdmission(message.Visit) => new(PathwayEvents.PatientAdmitted, patient, Visit(message), key, UnheardEvents.Drop),
            AdtEvent.Update when message.Patient.IsDeceased == true => new(PathwayEvents.PatientDied, patient, Death(message), FeedKeys.Of("adt", message.DeduplicationKey, "died"), UnheardEvents.Drop),
            _ => null,
        };
    }

    private static DischargeNotice Discharge(AdtMessage message)
    {
        var visit = message.Visit;
        var admission = visit.AdmissionType?.ToUpperInvariant();
        return new DischargeNotice
        {
            VisitNumber = visit.VisitNumber!.Value,
            Patient = Patient(message.Patient),
            AdmittedAt = visit.AdmitTime,
            DischargedAt = visit.DischargeTime!.Value,
            Setting = AdtSettings.CareSetting(visit),
            Disposition = visit.DischargeDisposition,
            DischargedTo = visit.DischargedToLocation,
            Deceased = message.Patient.IsDeceased,
            EmergentAdmission = admission is null ? null : admission == "E",
            NonElectiveAdmission = admission is null ? null : admission is "E" or "U" or "A",
            OncologyDischarge = visit.HospitalService is { } service ? string.Equals(service, "ONC", StringComparison.OrdinalIgnoreCase) : null,
            Source = Source(message),
        };
    }

    private static JsonObject Death(AdtMessage message)
    {
        var payload = Visit(message);
        payload["diedAt"] = message.Patient.DeathTime;
        return payload;
    }

    /// <summary>What every other event carries: the visit, the patient, and which message said so.</summary>
    private static JsonObject Visit(AdtMessage message) => new()
    {
        ["visitNumber"] = message.Visit.VisitNumber?.Value,
        ["patient"] = Patient(message.Patient).ToJson(),
        ["source"] = Source(message),
    };

    private static FeedPatient Patient(AdtPatient patient) => new(
        patient.Mrn.Value,
        string.Join(' ', new[] { patient.GivenName, patient.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null,
        patient.BirthDate,
        patient.Sex);

    private static JsonObject Source(AdtMessage message) => new()
    {
        ["message"] = $"ADT^{message.EventCode}",
        ["controlId"] = message.ControlId,
        ["sendingApplication"] = message.SendingApplication,
        ["sendingFacility"] = message.SendingFacility,
        ["recordedAt"] = message.RecordedAt,
    };
}
