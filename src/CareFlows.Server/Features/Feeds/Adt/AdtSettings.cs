using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>
/// What the PV1 segment says about the stay in the terms the discharge follow-up pathway decides on: the care setting
/// the patient left, for TCM eligibility.
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

    /// <summary>Whether the visit is a stay a readmission is made of: inpatient, or observation.</summary>
    public static bool IsAdmission(AdtVisit visit) => CareSetting(visit) is { } setting && (setting.StartsWith("inpatient", StringComparison.Ordinal) || setting is "observation" or "skilled-nursing" or "long-term-care-hospital");
}
