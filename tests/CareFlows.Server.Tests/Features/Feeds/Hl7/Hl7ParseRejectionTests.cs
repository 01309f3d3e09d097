using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>What is not HL7 v2 is refused with an <see cref="Hl7ParseException"/> that names where.</summary>
public sealed class Hl7ParseRejectionTests
{
    public static TheoryData<string, string?, string> Rejected => new()
    {
        { string.Empty, null, "empty" },
        { "\r\n\r\n", null, "empty" },
        { "   ", null, "empty" },
        { "PID|1||12345\rMSH|^~\\&|A\r", "MSH", "starts with an MSH segment" },
        { "Hello, world", "MSH", "starts with an MSH segment" },
        { "MSH", "MSH-1", "field separator" },
        { "MSH|", "MSH-2", "holds 0 characters" },
        { "MSH|^~", "MSH-2", "holds 2 characters" },
        { "MSH|^~\\&#!|A", "MSH-2", "holds 6 characters" },
        { "MSHA^~\\&A", "MSH-1", "not a letter, digit or space" },
        { "MSH ^~\\& ", "MSH-1", "not a letter, digit or space" },
        { "MSH|^~A&|", "MSH-2", "not a letter, digit or space" },
        { "MSH|^~\\^|", "MSH-2", "uses '^' twice" },
        { "MSH|^~\\~|", "MSH-2", "uses '~' twice" },
        { "MSH|^~\\&|A\rpid|1", null, "Segment 2 has the id 'pid'" },
        { "MSH|^~\\&|A\rPIDX|1", null, "Segment 2 has the id 'PIDX'" },
        { "MSH|^~\\&|A\rPI|1", null, "Segment 2 has the id 'PI'" },
        { "MSH|^~\\&|A\r|1", null, "Segment 2 has the id ''" },
        { "MSH|^~\\&|A\rMSH|^~\\&|B", "MSH(2)", "second MSH" },
        { "MSH|^~\\&|A|B\rPID|1||123\0 45", "PID-3", "control character U+0000" },
        { "MSH|^~\\&|\u0001\u0002|B", "MSH-3", "control character U+0001" },
        { "MSH|^~\\&|A\rNTE|1||bad \uFFFD byte", "NTE-3", "control character U+FFFD" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Malformed_messages_are_refused_naming_where(string text, string? location, string reason)
    {
        var refused = Assert.Throws<Hl7ParseException>(() => Hl7Message.Parse(text));

        Assert.Equal(location, refused.Location?.ToString());
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_is_refused()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);

        Assert.Throws<Hl7ParseException>(() => Hl7Message.Parse(System.Text.Encoding.Latin1.GetString(bytes)));
        Assert.Throws<Hl7ParseException>(() => Hl7Message.Parse("MSH|^~\\&|" + System.Text.Encoding.Latin1.GetString(bytes)));
    }

    [Fact]
    public void A_message_over_the_size_limit_is_refused_before_it_is_read()
    {
        var refused = Assert.Throws<Hl7ParseException>(() => Hl7Message.Parse(Hl7Samples.Discharge(), new Hl7ParseOptions { MaxLength = 100 }));

        Assert.Null(refused.Location);
        Assert.Contains("at most 100 are read", refused.Message, StringComparison.Ordinal);
    }
}
