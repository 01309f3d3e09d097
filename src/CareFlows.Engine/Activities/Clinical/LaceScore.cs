namespace CareFlows.Engine.Activities.Clinical;

/// <summary>
/// The LACE index (van Walraven et al., CMAJ 2010): death or unplanned readmission within 30 days, 0–19, high risk
/// from 10. Points as in the published table: Length of stay, Acuity of admission, Charlson comorbidity, ED visits.
/// </summary>
public static class LaceScore
{
    public const string Variant = "LACE index (van Walraven 2010)";

    public const int HighRiskFrom = 10;

    /// <summary>The score from what is known, or null when none of its inputs is.</summary>
    public static RiskScoreResult? Compute(ReadmissionRiskInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs is { LengthOfStayDays: null, EmergentAdmission: null, CharlsonIndex: null, EdVisitsLast6Months: null })
        {
            return null;
        }

        var parts = new RiskScoreParts();
        parts.Add("lengthOfStay", inputs.LengthOfStayDays, LengthOfStayPoints);
        parts.Add("acuteAdmission", inputs.EmergentAdmission, acute => acute ? 3 : 0);
        parts.Add("charlson", inputs.CharlsonIndex, charlson => charlson >= 4 ? 5 : charlson);
        parts.Add("edVisits", inputs.EdVisitsLast6Months, visits => Math.Min(visits, 4));
        var total = parts.Total;
        return parts.Result("LACE", Variant, total, 19, total >= HighRiskFrom ? "high" : "low", total >= HighRiskFrom);
    }

    private static int LengthOfStayPoints(int days) => days switch
    {
        < 1 => 0,
        1 or 2 or 3 => days,
        <= 6 => 4,
        <= 13 => 5,
        _ => 7,
    };
}
