using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Server.Features.Feeds.Hl7;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>
/// What an ADT message means to the care pathways: the event to publish, for which patient, with what, under which
/// idempotency key, and whether it may wait for a listener. A discharge starts a follow-up, so it is kept for whoever
/// comes; an admission, a cancelled discharge or a death only concern follow-ups running now, so they are dropped
/// when none listens — an admission must never end a follow-up that a later discharge starts.
/// </summary>
public sealed record AdtPathwayEvent(string EventName, string CorrelationKey, JsonObject Payload, string IdempotencyKey, UnheardEvents Unheard)
{
    /// <summary>The event an ADT message publishes, or null for an update that changes nothing the pathways follow.</summary>
    public static AdtPathwayEvent? Of(AdtMessage message, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(calendar);
        var patient = message.Patient.Mrn.Value;
        var key = "adt:" + message.DeduplicationKey;
        return message.Event switch
        {
            AdtEvent.Discharge => new(PathwayEvents.PatientDischarged, patient, Discharge(message, calendar), key, UnheardEvents.Buffer),
            AdtEvent.CancelDischarge => new(PathwayEvents.DischargeCancelled, patient, Visit(message), key, UnheardEvents.Drop),
            AdtEvent.Admit => new(PathwayEvents.PatientAdmitted, patient, Visit(message), key, UnheardEvents.Drop),
            AdtEvent.Update when message.Patient.IsDeceased == true => new(PathwayEvents.PatientDied, patient, Death(message), key + "|died", UnheardEvents.Drop),
            _ => null,
        };
    }

    /// <summary>The discharge as the discharge follow-up pathway reads it (its <c>Discharge</c> variable).</summary>
    private static JsonObject Discharge(AdtMessage message, BusinessCalendar calendar)
    {
        var visit = message.Visit;
        var payload = Visit(message);
        payload["admittedAt"] = visit.AdmitTime;
        payload["dischargedAt"] = visit.DischargeTime;
        payload["setting"] = AdtSettings.CareSetting(visit);
        payload["patientClass"] = visit.PatientClass;
        payload["hospitalService"] = visit.HospitalService;
        payload["disposition"] = visit.DischargeDisposition;
        payload["dischargedTo"] = visit.DischargedToLocation;
        payload["deceased"] = message.Patient.IsDeceased;
        payload["risk"] = AdtSettings.RiskInputs(visit, calendar);
        return payload;
    }

    private static JsonObject Death(AdtMessage message)
    {
        var payload = Visit(message);
        payload["diedAt"] = message.Patient.DeathTime;
        return payload;
    }

    /// <summary>What every event carries: the visit, the patient, and which message said so.</summary>
    private static JsonObject Visit(AdtMessage message) => new()
    {
        ["visitNumber"] = message.Visit.VisitNumber?.Value,
        ["patient"] = Patient(message.Patient),
        ["source"] = new JsonObject
        {
            ["message"] = $"ADT^{message.EventCode}",
            ["controlId"] = message.ControlId,
            ["sendingApplication"] = message.SendingApplication,
            ["sendingFacility"] = message.SendingFacility,
            ["recordedAt"] = message.RecordedAt,
        },
    };

    private static JsonObject Patient(AdtPatient patient) => new()
    {
        ["id"] = patient.Mrn.Value,
        ["mrn"] = patient.Mrn.Value,
        ["name"] = string.Join(' ', new[] { patient.GivenName, patient.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null,
        ["birthDate"] = patient.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["sex"] = patient.Sex,
    };
}
