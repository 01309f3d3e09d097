using CareFlows.Engine.Activities.Clinical;

namespace CareFlows.Engine.Tests.Activities.Clinical;

public class LaceScoreTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(6, 4)]
    [InlineData(7, 5)]
    [InlineData(13, 5)]
    [InlineData(14, 7)]
    [InlineData(40, 7)]
    public void Length_of_stay_gives_the_published_points(int days, int points)
    {
        var score = LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = days, EmergentAdmission = false, CharlsonIndex = 0, EdVisitsLast6Months = 0 })!;

        Assert.Equal(points, score.Value);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(4, 5)]
    [InlineData(9, 5)]
    public void Charlson_from_four_gives_five_points(int charlson, int points) =>
        Assert.Equal(points, LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = 0, EmergentAdmission = false, CharlsonIndex = charlson, EdVisitsLast6Months = 0 })!.Value);

    [Theory]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(11, 4)]
    public void Emergency_visits_count_up_to_four(int visits, int points) =>
        Assert.Equal(points, LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = 0, EmergentAdmission = false, CharlsonIndex = 0, EdVisitsLast6Months = visits })!.Value);

    [Fact]
    public void A_five_day_emergent_stay_with_charlson_two_and_one_ED_visit_scores_ten_and_is_high_risk()
    {
        // L 4 + A 3 + C 2 + E 1 = 10: the first score of the high band.
        var score = LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = 5, EmergentAdmission = true, CharlsonIndex = 2, EdVisitsLast6Months = 1 })!;

        Assert.Equal((10, 19, "high", true), (score.Value, score.Maximum, score.Band, score.HighRisk));
        Assert.Equal([("lengthOfStay", 4), ("acuteAdmission", 3), ("charlson", 2), ("edVisits", 1)], score.Components.Select(c => (c.Name, c.Points)));
        Assert.Empty(score.Unknown);
        Assert.Equal(LaceScore.Variant, score.Variant);
    }

    [Fact]
    public void The_highest_score_is_nineteen()
    {
        var score = LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = 20, EmergentAdmission = true, CharlsonIndex = 6, EdVisitsLast6Months = 9 })!;

        Assert.Equal(19, score.Value);
    }

    [Fact]
    public void Nine_points_is_low_risk()
    {
        var score = LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = 4, EmergentAdmission = true, CharlsonIndex = 2, EdVisitsLast6Months = 0 })!;

        Assert.Equal((9, "low", false), (score.Value, score.Band, score.HighRisk));
    }

    [Fact]
    public void Unknown_parts_count_nothing_and_are_named()
    {
        var score = LaceScore.Compute(new ReadmissionRiskInputs { LengthOfStayDays = 3, EmergentAdmission = true })!;

        Assert.Equal(6, score.Value);
        Assert.Equal(["charlson", "edVisits"], score.Unknown);
    }

    [Fact]
    public void Nothing_known_is_no_score() => Assert.Null(LaceScore.Compute(new ReadmissionRiskInputs()));
}
