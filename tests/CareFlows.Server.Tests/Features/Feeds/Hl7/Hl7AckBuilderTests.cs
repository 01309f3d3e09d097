using CareFlows.Server.Features.Feeds.Hl7;
using Microsoft.Extensions.Time.Testing;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>ACKs for AA, AE and AR, read back with the parser: addressed back to the sender, MSA echoing the control id, ERR pointing at the fault.</summary>
public sealed class Hl7AckBuilderTests
{
    private readonly Hl7AckBuilder acks = new(new FakeTimeProvider(new DateTimeOffset(2024, 3, 5, 19, 30, 1, TimeSpan.Zero)));

    [Fact]
    public void An_accepted_message_is_answered_AA_to_its_sender()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge());

        var ack = Hl7Message.Parse(acks.Build(inbound, Hl7AckCode.Accept));

        Assert.Equal(["MSH", "MSA"], ack.Segments.Select(s => s.Id));
        Assert.Equal(("CAREFLOWS", "PCPGROUP", "EPIC"), (ack.Value("MSH-3"), ack.Value("MSH-4"), ack.Value("MSH-5")));
        Assert.Equal("GENHOSP^2.16.840.1.113883.3.1^ISO", ack.Header.Field(6).Raw);
        Assert.Equal("20240305193001+0000", ack.Value("MSH-7"));
        Assert.Equal("ACK^A03^ACK", ack.Header.Field(9).Raw);
        Assert.Equal(("P", "2.5.1"), (ack.Value("MSH-11"), ack.Value("MSH-12")));
        var controlId = ack.Value("MSH-10");
        Assert.NotNull(controlId);
        Assert.NotEqual("MSG00001", controlId);
        Assert.Equal(20, controlId.Length);
        Assert.Equal(("AA", "MSG00001"), (ack.Value("MSA-1"), ack.Value("MSA-2")));
    }

    [Fact]
    public void Each_acknowledgement_has_its_own_control_id()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge());

        var ids = Enumerable.Range(0, 50).Select(_ => Hl7Message.Parse(acks.Build(inbound, Hl7AckCode.Accept)).Value("MSH-10")).ToHashSet();

        Assert.Equal(50, ids.Count);
    }

    [Fact]
    public void Problems_are_answered_AE_with_one_ERR_per_field_at_fault()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge(controlId: "MSG7", pv1: Hl7Samples.DischargeVisit(without: 19)));
        var result = AdtMessage.From(inbound, TimeZoneInfo.Utc);

        var ack = Hl7Message.Parse(acks.Build(inbound, result.AcknowledgementCode, "Visit number missing", result.Problems));

        Assert.Equal(("AE", "MSG7", "Visit number missing"), (ack.Value("MSA-1"), ack.Value("MSA-2"), ack.Value("MSA-3")));
        var err = ack["ERR"]!;
        Assert.True(err.Field(1).IsEmpty);
        Assert.Equal("PV1^1^19", err.Field(2).Raw);
        Assert.Equal(("PV1", "1", "19"), (err.Field(2).Component(1).Value, err.Field(2).Component(2).Value, err.Field(2).Component(3).Value));
        Assert.Equal("101^Required field missing^HL70357", err.Field(3).Raw);
        Assert.Equal("E", err.Field(4).Value);
        Assert.Equal("PV1-19 (visit number) is required for ADT^A03.", err.Field(8).Value);
    }

    [Fact]
    public void An_unsupported_message_is_answered_AR_naming_the_field()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge(version: "2.2", msh9: "ADT^A04"));
        var result = AdtMessage.From(inbound, TimeZoneInfo.Utc);

        var ack = Hl7Message.Parse(acks.Build(inbound, result.AcknowledgementCode, problems: result.Problems));

        Assert.Equal("AR", ack.Value("MSA-1"));
        Assert.Equal("ACK^A04^ACK", ack.Header.Field(9).Raw);
        Assert.Equal(["MSH^1^12", "MSH^1^9^1^2"], ack.SegmentsWithId("ERR").Select(e => e.Field(2).Raw));
        Assert.Equal(["203", "201"], ack.SegmentsWithId("ERR").Select(e => e.Field(3).Value));
    }

    [Fact]
    public void A_message_that_did_not_parse_is_answered_AR_from_what_its_MSH_holds()
    {
        const string raw = "MSH|^~\\&|EPIC|GENHOSP|CAREFLOWS|PCPGROUP|20240305||ADT^A03|BROKEN-1|T|2.4\rpid|1\r";
        var refused = Assert.Throws<Hl7ParseException>(() => Hl7Message.Parse(raw));

        var ack = Hl7Message.Parse(acks.Build(raw, Hl7AckCode.Reject, refused.Problem.Message, [refused.Problem]));

        Assert.Equal(("AR", "BROKEN-1"), (ack.Value("MSA-1"), ack.Value("MSA-2")));
        Assert.Equal(("CAREFLOWS", "EPIC", "T", "2.4"), (ack.Value("MSH-3"), ack.Value("MSH-5"), ack.Value("MSH-11"), ack.Value("MSH-12")));
        Assert.Equal("100", ack.Value("ERR-3"));
        Assert.Contains("Segment 2 has the id 'pid'", ack.Value("ERR-8"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not hl7 at all")]
    [InlineData("MSH")]
    [InlineData("MSH|^^|A|B")]
    [InlineData("MSH|^~\\&|\0\u0001|FAC|||||CTRL\u0002")]
    public void Even_garbage_is_answered_with_a_readable_AR(string raw)
    {
        var problem = new Hl7Problem(Hl7ErrorCode.SegmentSequenceError, null, "Not HL7.");

        var ack = Hl7Message.Parse(acks.Build(raw, Hl7AckCode.Reject, "Not HL7.", [problem]));

        Assert.Equal("AR", ack.Value("MSA-1"));
        Assert.Equal("ACK", ack.Value("MSH-9"));
        Assert.Null(ack.Value("ERR-2"));
    }

    [Fact]
    public void Text_holding_separators_and_line_breaks_is_escaped()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge());
        const string text = "Bad field: PID|5^1 ~ \\ & more\r\nsecond line";
        var problem = new Hl7Problem(Hl7ErrorCode.DataTypeError, Hl7Location.Parse("PID-5.1"), text);

        var ack = Hl7Message.Parse(acks.Build(inbound, Hl7AckCode.Error, text, [problem]));

        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), ack.Value("MSA-3"));
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), ack.Value("ERR-8"));
        Assert.Equal("PID^1^5^1^1", ack["ERR"]!.Field(2).Raw);
    }

    [Fact]
    public void The_answer_uses_the_separators_of_the_message_it_answers()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.DischargeWithOwnDelimiters);
        var problem = new Hl7Problem(Hl7ErrorCode.RequiredFieldMissing, Hl7Location.Parse("PV1-19"), "PV1-19 (visit number) is required: see *notes*.");

        var text = acks.Build(inbound, Hl7AckCode.Error, problems: [problem]);
        var ack = Hl7Message.Parse(text);

        Assert.StartsWith("MSH*:~!$*CAREFLOWS*", text, StringComparison.Ordinal);
        Assert.Equal(("AE", "N-42", "2.8.2"), (ack.Value("MSA-1"), ack.Value("MSA-2"), ack.Value("MSH-12")));
        Assert.Equal("PV1:1:19", ack["ERR"]!.Field(2).Raw);
        Assert.Equal("PV1-19 (visit number) is required: see *notes*.", ack.Value("ERR-8"));
    }

    [Fact]
    public void Answers_to_versions_before_2_5_also_fill_ERR_1()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge(version: "2.3.1", pv1: Hl7Samples.DischargeVisit(without: 19)));

        var ack = Hl7Message.Parse(acks.Build(inbound, Hl7AckCode.Error, problems: AdtMessage.From(inbound, TimeZoneInfo.Utc).Problems));

        Assert.Equal("PV1^1^19^101&Required field missing&HL70357", ack["ERR"]!.Field(1).Raw);
        Assert.Equal("101", ack.Value("ERR-1.4.1"));
        Assert.Equal("PV1^1^19", ack["ERR"]!.Field(2).Raw);
    }

    [Fact]
    public void An_accepted_message_gets_no_ERR_even_when_problems_are_passed()
    {
        var inbound = Hl7Message.Parse(Hl7Samples.Discharge());

        var ack = Hl7Message.Parse(acks.Build(inbound, Hl7AckCode.Accept, problems: [new Hl7Problem(Hl7ErrorCode.DataTypeError, null, "ignored")]));

        Assert.Null(ack["ERR"]);
    }
}
