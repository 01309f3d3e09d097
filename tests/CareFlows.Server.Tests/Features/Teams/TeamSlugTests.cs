using CareFlows.Server.Features.Teams.CreateTeam;

namespace CareFlows.Server.Tests.Features.Teams;

public sealed class TeamSlugTests
{
    [Theory]
    [InlineData("Transitions of care", "transitions-of-care")]
    [InlineData("RN care managers", "rn-care-managers")]
    [InlineData("  Soins à domicile — Nord ", "soins-a-domicile-nord")]
    [InlineData("UM/Prior-Auth (2)", "um-prior-auth-2")]
    public void A_name_becomes_lower_case_words_joined_by_hyphens(string name, string slug) =>
        Assert.Equal(slug, TeamSlug.FromName(name));

    [Theory]
    [InlineData("!!!")]
    [InlineData("医疗团队")]
    public void A_name_without_an_ASCII_letter_or_digit_makes_no_slug(string name) =>
        Assert.Null(TeamSlug.FromName(name));

    [Fact]
    public void A_long_name_makes_a_slug_that_fits_its_column_and_ends_in_a_letter_or_digit()
    {
        var slug = TeamSlug.FromName(string.Concat(Enumerable.Repeat("abc ", 40)))!;

        Assert.InRange(slug.Length, 1, 64);
        Assert.Matches(TeamSlug.Pattern, slug);
    }
}
