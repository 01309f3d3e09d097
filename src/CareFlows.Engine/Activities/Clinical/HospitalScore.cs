namespace CareFlows.Engine.Activities.Clinical;

/// <summary>
/// The HOSPITAL score for potentially avoidable 30-day readmission. The full score (Donzé et al., JAMA Intern Med 2013;
/// 0–13; low 0–4, intermediate 5–6, high from 7) needs whether a procedure was done; without it, the simplified score
/// (Aubert et al., BMJ Qual Saf 2017; 0–12; likely readmitted from 5) counts a cancer diagnosis or an oncology
/// discharge and leaves the procedure out.
/// </summary>
public static class HospitalScore
{
    public const string FullVariant = "HOSPITAL score (Donzé 2013)";

    public const string SimplifiedVariant = "simplified HOSPITAL score (Aubert 2017)";

    /// <summary>The full score when all its inputs are known, else the simplified one when its are, else null.</summary>
    public static RiskScoreResult? Compute(ReadmissionRiskInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs is not { Hemoglobin: { } hemoglobin, Sodium: { } sodium, NonElectiveAdmission: { } urgent, AdmissionsLast12Months: { } admissions, LengthOfStayDays: { } days })
        {
            return null;
        }

        var parts = new RiskScoreParts();
        parts.Add("hemoglobinBelow12", hemoglobin, h => h < 12 ? 1 : 0);
        if (inputs is { ProcedureDuringStay: { } procedure, OncologyDischarge: { } oncology })
        {
            parts.Add("oncologyDischarge", oncology, o => o ? 2 : 0);
            parts.Add("sodiumBelow135", sodium, SodiumPoints);
            parts.Add("procedure", procedure, p => p ? 1 : 0);
            AddCommon(parts, urgent, admissions, days);
            var total = parts.Total;
            var band = total >= 7 ? "high" : total >= 5 ? "intermediate" : "low";
            return parts.Result("HOSPITAL", FullVariant, total, 13, band, band == "high");
        }

        if (inputs.OncologyDischarge is null && inputs.CancerDiagnosis is null)
        {
            return null;
        }

        var cancer = inputs.OncologyDischarge == true || inputs.CancerDiagnosis == true;
        parts.Add("cancerOrOncologyDischarge", cancer, c => c ? 2 : 0);
        parts.Add("sodiumBelow135", sodium, SodiumPoints);
        AddCommon(parts, urgent, admissions, days);
        var simplified = parts.Total;
        return parts.Result("HOSPITAL", SimplifiedVariant, simplified, 12, simplified >= 5 ? "high" : "low", simplified >= 5);
    }

    private static int SodiumPoints(double sodium) => sodium < 135 ? 1 : 0;

    private static void AddCommon(RiskScoreParts parts, bool urgent, int admissions, int days)
    {
        parts.Add("nonElectiveAdmission", urgent, u => u ? 1 : 0);
        parts.Add("admissionsLast12Months", admissions, a => a switch { <= 1 => 0, <= 5 => 2, _ => 5 });
        parts.Add("lengthOfStay5DaysOrMore", days, d => d >= 5 ? 2 : 0);
    }
}
