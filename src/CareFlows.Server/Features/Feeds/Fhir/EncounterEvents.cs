using CareFlows.Engine.Calendar;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;
using Hl7.Fhir.Model;

namespace CareFlows.Server.Features.Feeds.Fhir;

/// <summary>
/// What a FHIR R4 Encounter means to the care pathways, as an ADT message would (DOMAIN §2.3): finished is a discharge,
/// cancelled or entered-in-error withdraws it, in-progress is an admission; other statuses change nothing.
/// </summary>
public static class EncounterEvents
{
    private const string NubcDischargeStatus = "https://www.nubc.org/CodeSystem/PatDischargeStatus";

    /// <summary>FHIR's discharge-disposition codes as the UB-04 statuses the discharge follow-up pathway decides on.</summary>
    private static readonly Dictionary<string, string> UbStatusOf = new(StringComparer.Ordinal)
    {
        ["home"] = "01", ["alt-home"] = "01", ["other-hcf"] = "05", ["hosp"] = "02", ["long"] = "63", ["aadvice"] = "07",
        ["exp"] = "20", ["psy"] = "65", ["rehab"] = "62", ["snf"] = "03", ["oth"] = "70",
    };

    /// <summary>The event the encounter publishes, or null when its status changes nothing; a missing fact is refused by its path.</summary>
    public static FeedEvent? Of(Encounter encounter, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(encounter);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new Dictionary<string, string[]>();
        var visit = encounter.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "VN") == true) ?? encounter.Identifier.FirstOrDefault();
        if (visit?.Value is not { Length: > 0 })
        {
            errors["Encounter.identifier"] = ["An encounter needs an identifier: the visit number it is known by."];
        }

        var patient = PatientOf(encounter);
        if (patient is null)
        {
            errors["Encounter.subject"] = ["An encounter needs its patient: a subject with an identifier, or a reference to a Patient (contained, with its MRN, or by id)."];
        }

        if (encounter.Status is null)
        {
            errors["Encounter.status"] = ["An encounter needs a status."];
        }

        var dischargedAt = FhirInstant.Parse(encounter.Period?.End, calendar);
        if (encounter.Status == Encounter.EncounterStatus.Finished && dischargedAt is null)
        {
            errors["Encounter.period.end"] = ["A finished encounter needs the time it ended (the discharge)."];
        }

        if (errors.Count > 0)
        {
            throw new MalformedRequestException(errors);
        }

        var mentioned = new System.Text.Json.Nodes.JsonObject { ["visitNumber"] = visit!.Value, ["patient"] = patient!.ToJson(), ["source"] = Source(encounter) };
        return encounter.Status switch
        {
            Encounter.EncounterStatus.Finished when Discharge(encounter, visit.Value!, patient, dischargedAt!.Value, calendar) is var discharge =>
                new FeedEvent(PathwayEvents.PatientDischarged, patient.Mrn, discharge.ToPayload(calendar), discharge.IdempotencyKey, UnheardEvents.Buffer),
            Encounter.EncounterStatus.Cancelled or Encounter.EncounterStatus.EnteredInError =>
                new FeedEvent(PathwayEvents.DischargeCancelled, patient.Mrn, mentioned, FeedKeys.Of("fhir-encounter", visit.System, visit.Value, "withdrawn", encounter.Period?.End), UnheardEvents.Drop),
            // Only a stay is a readmission: the follow-up's own office visit, in progress, is not.
            Encounter.EncounterStatus.InProgress when SettingOf(encounter.Class?.Code) is "inpatient-acute" or "skilled-nursing" or "observation" =>
                new FeedEvent(PathwayEvents.PatientAdmitted, patient.Mrn, mentioned, FeedKeys.Of("fhir-encounter", visit.System, visit.Value, "in-progress"), UnheardEvents.Drop),
            _ => null,
        };
    }

    private static DischargeNotice Discharge(Encounter encounter, string visit, FeedPatient patient, DateTimeOffset dischargedAt, BusinessCalendar calendar)
    {
        var priority = encounter.Priority?.Coding.FirstOrDefault()?.Code?.ToUpperInvariant();
        var disposition = encounter.Hospitalization?.DischargeDisposition;
        return new DischargeNotice
        {
            VisitNumber = visit,
            Patient = patient,
            AdmittedAt = FhirInstant.Parse(encounter.Period?.Start, calendar),
            DischargedAt = dischargedAt,
            Setting = SettingOf(encounter.Class?.Code),
            Disposition = disposition?.Coding.FirstOrDefault(c => c.System == NubcDischargeStatus)?.Code
                ?? (disposition?.Coding.FirstOrDefault()?.Code is { } code ? UbStatusOf.GetValueOrDefault(code, code) : null),
            DischargedTo = encounter.Hospitalization?.Destination?.Display ?? disposition?.Text,
            EmergentAdmission = priority is null ? null : priority == "EM",
            NonElectiveAdmission = priority is null ? null : priority is "EM" or "UR" or "A" or "S",
            Source = Source(encounter),
        };
    }

    /// <summary>The v3 ActCode encounter class as a care setting: inpatient (IMP, ACUTE, NONAC), observation, emergency, outpatient.</summary>
    private static string? SettingOf(string? code) => code?.ToUpperInvariant() switch
    {
        "IMP" or "ACUTE" => "inpatient-acute",
        "NONAC" => "skilled-nursing",
        "OBSENC" => "observation",
        "EMER" => "emergency",
        "AMB" or "SS" => "outpatient",
        null => null,
        var other => other.ToLowerInvariant(),
    };

    /// <summary>The patient: a contained Patient the subject points to, else the subject's identifier, else its reference id.</summary>
    private static FeedPatient? PatientOf(Encounter encounter)
    {
        var subject = encounter.Subject;
        if (subject is null)
        {
            return null;
        }

        if (subject.Reference is { } reference && reference.StartsWith('#') && encounter.Contained.OfType<Patient>().FirstOrDefault(p => p.Id == reference[1..]) is { } contained)
        {
            var mrn = contained.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "MR") == true) ?? contained.Identifier.FirstOrDefault();
            var name = contained.Name.FirstOrDefault();
            var birth = DateOnly.TryParse(contained.BirthDate, System.Globalization.CultureInfo.InvariantCulture, out var born) ? born : (DateOnly?)null;
            return (mrn?.Value ?? contained.Id) is { Length: > 0 } id
                ? new FeedPatient(id, name is null ? subject.Display : string.Join(' ', name.Given.Append(name.Family).Where(n => !string.IsNullOrWhiteSpace(n))), birth, contained.Gender?.ToString().ToLowerInvariant())
                : null;
        }

        var identified = subject.Identifier?.Value ?? (subject.Reference is { } r && r.StartsWith("Patient/", StringComparison.Ordinal) ? r["Patient/".Length..] : null);
        return identified is { Length: > 0 } ? new FeedPatient(identified, subject.Display, null, null) : null;
    }

    private static System.Text.Json.Nodes.JsonObject Source(Encounter encounter) => new()
    {
        ["message"] = "FHIR Encounter",
        ["id"] = encounter.Id,
        ["status"] = encounter.Status?.ToString(),
        ["versionId"] = encounter.Meta?.VersionId,
    };
}
