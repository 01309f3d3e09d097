using CareFlows.Engine.Activities.Clinical;

namespace CareFlows.Engine.Tests.Activities.Clinical;

public class HospitalScoreTests
{
    private static readonly ReadmissionRiskInputs Full = new()
    {
        Hemoglobin = 11.5,
        OncologyDischarge = false,
        Sodium = 133,
        ProcedureDuringStay = true,
        NonElectiveAdmission = true,
        AdmissionsLast12Months = 3,
        LengthOfStayDays = 6,
    };

    [Fact]
    public void With_every_input_the_full_score_is_computed()
    {
        // H 1 + O 0 + S 1 + P 1 + IT 1 + A 2 + L 2 = 8.
        var score = HospitalScore.Compute(Full)!;

        Assert.Equal((HospitalScore.FullVariant, 8, 13, "high", true), (score.Variant, score.Value, score.Maximum, score.Band, score.HighRisk));
    }

    [Theory]
    [InlineData(12.0, 140.0, false, 1, 4, 1, "low")]
    [InlineData(11.0, 140.0, false, 2, 4, 4, "low")]
    [InlineData(11.0, 134.0, false, 2, 4, 5, "intermediate")]
    [InlineData(11.0, 134.0, true, 2, 4, 6, "intermediate")]
    [InlineData(11.0, 134.0, true, 6, 5, 11, "high")]
    public void Bands_follow_the_published_cut_offs(double hemoglobin, double sodium, bool procedure, int admissions, int days, int value, string band)
    {
        var score = HospitalScore.Compute(Full with { Hemoglobin = hemoglobin, Sodium = sodium, ProcedureDuringStay = procedure, AdmissionsLast12Months = admissions, LengthOfStayDays = days, NonElectiveAdmission = true })!;

        Assert.Equal((value, band), (score.Value, score.Band));
    }

    [Fact]
    public void The_highest_full_score_is_thirteen()
    {
        var score = HospitalScore.Compute(Full with { OncologyDischarge = true, AdmissionsLast12Months = 9 })!;

        Assert.Equal(13, score.Value);
    }

    [Fact]
    public void Without_the_procedure_the_simplified_score_counts_a_cancer_diagnosis_instead()
    {
        var score = HospitalScore.Compute(Full with { ProcedureDuringStay = null, OncologyDischarge = null, CancerDiagnosis = true })!;

        // H 1 + cancer 2 + S 1 + IT 1 + A 2 + L 2 = 9 of 12.
        Assert.Equal((HospitalScore.SimplifiedVariant, 9, 12, true), (score.Variant, score.Value, score.Maximum, score.HighRisk));
        Assert.DoesNotContain(score.Components, c => c.Name == "procedure");
    }

    [Fact]
    public void The_simplified_score_is_high_from_five()
    {
        var inputs = Full with { ProcedureDuringStay = null, OncologyDischarge = false, Hemoglobin = 13, Sodium = 140, AdmissionsLast12Months = 2, LengthOfStayDays = 2 };

        Assert.Equal((3, false), (HospitalScore.Compute(inputs)!.Value, HospitalScore.Compute(inputs)!.HighRisk));
        Assert.Equal((5, true), (HospitalScore.Compute(inputs with { LengthOfStayDays = 5 })!.Value, HospitalScore.Compute(inputs with { LengthOfStayDays = 5 })!.HighRisk));
    }

    [Fact]
    public void Without_the_laboratory_values_there_is_no_score()
    {
        Assert.Null(HospitalScore.Compute(Full with { Hemoglobin = null }));
        Assert.Null(HospitalScore.Compute(Full with { Sodium = null }));
    }

    [Fact]
    public void Without_anything_about_cancer_or_oncology_there_is_no_simplified_score() =>
        Assert.Null(HospitalScore.Compute(Full with { ProcedureDuringStay = null, OncologyDischarge = null, CancerDiagnosis = null }));
}
