using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>
/// What the PV1 segment says about the stay in the terms the discharge follow-up pathway decides on: the care setting
/// the patient left (for TCM eligibility) and the readmission-risk inputs an ADT message carries.
/// </summary>
internal static class AdtSettings
{
    /// <summary>
    /// The care setting, from the patient class (PV1-2) and the hospital service (PV1-10): an inpatient stay by its
    /// service, observation as an outpatient on the observation service, otherwise the class as it is (outpatient,
    /// emergency …), which no TCM follows.
    /// </summary>
    public static string? CareSetting(AdtVisit visit)
    {
        var service = visit.HospitalService?.ToUpperInvariant();
        return visit.PatientClass?.ToUpperInvariant() switch
        {
            "I" => service switch
            {
                "PSY" or "PSYCH" => "inpatient-psychiatric",
                "REH" or "REHAB" or "IRF" => "inpatient-rehabilitation",
                "LTC" or "LTCH" or "LTAC" => "long-term-care-hospital",
                "SNF" => "skilled-nursing",
                _ => "inpatient-acute",
            },
            "O" when service is "OBS" => "observation",
            "O" when service is "PHP" => "partial-hospitalization",
            "O" => "outpatient",
            "E" => "emergency",
            null => null,
            var other => other.ToLowerInvariant(),
        };
    }

    /// <summary>
    /// The risk inputs the stay itself gives: its length in days (admission and discharge day both counted, in the
    /// organisation's time zone), whether the admission was emergent (PV1-4 = E) or at least not elective (E, U, A),
    /// and whether the patient left the oncology service. The rest comes from the EHR, or stays unknown.
    /// </summary>
    public static JsonObject RiskInputs(AdtVisit visit, BusinessCalendar calendar)
    {
        var inputs = new JsonObject();
        if (visit is { AdmitTime: { } admitted, DischargeTime: { } discharged } && discharged >= admitted)
        {
            inputs["lengthOfStayDays"] = calendar.LocalDate(discharged).DayNumber - calendar.LocalDate(admitted).DayNumber + 1;
        }

        if (visit.AdmissionType?.ToUpperInvariant() is { } type)
        {
            inputs["emergentAdmission"] = type == "E";
            inputs["nonElectiveAdmission"] = type is "E" or "U" or "A";
        }

        if (visit.HospitalService is { } service)
        {
            inputs["oncologyDischarge"] = string.Equals(service, "ONC", StringComparison.OrdinalIgnoreCase);
        }

        return inputs;
    }
}
