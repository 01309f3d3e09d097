using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>HL7 date/times at every precision, with and without an offset; those without are read in the sender's zone.</summary>
public sealed class Hl7TimestampTests
{
    /// <summary>A fixed zone six hours behind UTC, so the tests do not depend on the machine's zone database.</summary>
    private static readonly TimeZoneInfo Central = TimeZoneInfo.CreateCustomTimeZone("Test/Central", TimeSpan.FromHours(-6), "Central", "Central");

    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00.0000000-06:00")]
    [InlineData("202403", "2024-03-01T00:00:00.0000000-06:00")]
    [InlineData("20240305", "2024-03-05T00:00:00.0000000-06:00")]
    [InlineData("2024030514", "2024-03-05T14:00:00.0000000-06:00")]
    [InlineData("202403051430", "2024-03-05T14:30:00.0000000-06:00")]
    [InlineData("20240305143015", "2024-03-05T14:30:15.0000000-06:00")]
    [InlineData("20240305143015.1", "2024-03-05T14:30:15.1000000-06:00")]
    [InlineData("20240305143015.1234", "2024-03-05T14:30:15.1234000-06:00")]
    [InlineData("20240305143015-0500", "2024-03-05T14:30:15.0000000-05:00")]
    [InlineData("20240305143015.25+0530", "2024-03-05T14:30:15.2500000+05:30")]
    [InlineData("202403051430+0100", "2024-03-05T14:30:00.0000000+01:00")]
    [InlineData("20240305+0000", "2024-03-05T00:00:00.0000000+00:00")]
    [InlineData("20240229", "2024-02-29T00:00:00.0000000-06:00")]
    [InlineData(" 20240305 ", "2024-03-05T00:00:00.0000000-06:00")]
    public void Timestamps_are_read_at_the_precision_sent(string text, string expected)
    {
        Assert.True(Hl7Timestamp.TryParse(text, Central, out var value));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("202")]
    [InlineData("20241")]
    [InlineData("20241305")]
    [InlineData("20230229")]
    [InlineData("20240305250000")]
    [InlineData("20240305146000")]
    [InlineData("20240305143060")]
    [InlineData("202403051430.5")]
    [InlineData("20240305143015.12345")]
    [InlineData("20240305143015.")]
    [InlineData("20240305+05")]
    [InlineData("20240305+1500")]
    [InlineData("20240305+1430")]
    [InlineData("20240305-1401")]
    [InlineData("20240305+0560")]
    [InlineData("20240305Z")]
    [InlineData("2024-03-05")]
    [InlineData("0000")]
    [InlineData("00010101+0100")]
    [InlineData("yyyy")]
    public void Anything_else_is_not_a_timestamp(string text)
    {
        Assert.False(Hl7Timestamp.TryParse(text, Central, out _));
    }
}
