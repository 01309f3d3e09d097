using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>Reading messages by HL7 position: fields, repetitions, components, subcomponents, separators and escapes.</summary>
public sealed class Hl7MessageTests
{
    [Fact]
    public void Values_are_read_by_the_positions_analysts_name()
    {
        var message = Hl7Message.Parse(Hl7Samples.Discharge());

        Assert.Equal(["MSH", "EVN", "PID", "PV1"], message.Segments.Select(s => s.Id));
        Assert.Equal("V98765", message.Value("PV1-19"));
        Assert.Equal("V98765", message["PV1"]?.Field(19).Value);
        Assert.Equal("O'Brien", message.Value("PID-5"));
        Assert.Equal("O'Brien", message.Value("PID-5.1"));
        Assert.Equal("Mary", message.Value("PID-5.2"));
        Assert.Equal("12345", message.Value("PID-3(2).1"));
        Assert.Equal("MR", message.Value("PID-3(2).5"));
        Assert.Equal("2.16.840.1.113883.3.1", message.Value("MSH-4.2"));
        Assert.Equal("ADT_A03", message.Value("MSH-9.3"));
        Assert.Equal("01", message.Value("PV1-36"));
        Assert.Equal(2, message["PID"]!.Field(3).RepetitionCount);
        Assert.Equal("SS", message["PID"]!.Field(3).Repetition(1).Component(5).Value);
        Assert.Equal(["999887777", "12345"], message["PID"]!.Field(3).Repetitions.Select(r => r.Value));
    }

    [Fact]
    public void Msh_1_is_the_field_separator_and_msh_2_the_encoding_characters()
    {
        var message = Hl7Message.Parse(Hl7Samples.Discharge());

        Assert.Equal("|", message.Value("MSH-1"));
        Assert.Equal("^~\\&", message.Value("MSH-2"));
        Assert.Equal("^~\\&", message.Header.Field(2).Raw);
        Assert.Equal("EPIC", message.Value("MSH-3"));
        Assert.Equal("MSG00001", message.Value("MSH-10"));
        Assert.Equal(12, message.Header.FieldCount);
        Assert.Equal(Hl7Delimiters.Default, message.Delimiters);
    }

    [Fact]
    public void Absent_positions_read_as_null_values_and_empty_fields()
    {
        var message = Hl7Message.Parse(Hl7Samples.Discharge());

        Assert.Null(message.Value("PV1-99"));
        Assert.Null(message.Value("PV1-5"));
        Assert.Null(message.Value("PID-3(3).1"));
        Assert.Null(message.Value("PID-5.9"));
        Assert.Null(message.Value("ZPV-1"));
        Assert.Null(message["ZPV"]);
        Assert.Null(message["PID", 2]);
        Assert.True(message["PV1"]!.Field(200).IsEmpty);
        Assert.Equal(string.Empty, message["PV1"]!.Field(200).Repetition(3).Component(2).Subcomponent(4));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Segments_end_with_carriage_returns_line_feeds_or_both(string newline)
    {
        var text = Hl7Samples.Discharge().Replace("\r", newline, StringComparison.Ordinal);

        var message = Hl7Message.Parse("\uFEFF" + newline + text + newline);

        Assert.Equal(["MSH", "EVN", "PID", "PV1"], message.Segments.Select(s => s.Id));
        Assert.Equal("20240305140000", message.Value("PV1-45"));
    }

    [Fact]
    public void A_message_is_read_with_the_separators_it_declares()
    {
        var message = Hl7Message.Parse(Hl7Samples.DischargeWithOwnDelimiters);

        Assert.Equal(new Hl7Delimiters('*', ':', '~', '!', '$'), message.Delimiters);
        Assert.Equal("*", message.Value("MSH-1"));
        Assert.Equal(":~!$", message.Value("MSH-2"));
        Assert.Equal("A03", message.Value("MSH-9.2"));
        Assert.Equal("Lee:Park", message.Value("PID-5.1"));
        Assert.Equal("1.2.3", message.Value("PID-3.4.2"));
        Assert.Equal("88", message.Value("PID-3(2)"));
        Assert.Equal("V42", message.Value("PV1-19"));
        Assert.Equal("03", message.Value("PV1-36"));
    }

    [Theory]
    [InlineData("Smith\\S\\Jones", "Smith^Jones")]
    [InlineData("a\\F\\b\\R\\c\\T\\d\\E\\e", "a|b~c&d\\e")]
    [InlineData("line one\\.br\\line two", "line one\nline two")]
    [InlineData("\\X41\\\\X42\\", "AB")]
    [InlineData("caf\\XC3A9\\", "café")]
    [InlineData("\\XE9\\", "é")]
    [InlineData("\\H\\bold\\N\\", "\\H\\bold\\N\\")]
    [InlineData("\\Xzz\\", "\\Xzz\\")]
    [InlineData("\\P\\", "\\P\\")]
    [InlineData("open \\F", "open \\F")]
    [InlineData("\\", "\\")]
    public void Escape_sequences_are_decoded_and_unknown_ones_kept_as_written(string raw, string text)
    {
        Assert.Equal(text, Hl7Escaping.Decode(raw, Hl7Delimiters.Default));
    }

    [Fact]
    public void Escaped_separators_do_not_split_values()
    {
        var message = Hl7Message.Parse(Hl7Samples.Update);

        Assert.Equal("Smith^Jones", message.Value("PID-5.1"));
        Assert.Equal("Anne&Marie", message.Value("PID-5.2"));
        Assert.Equal("Call daughter first\nPrefers |afternoons| \\ weekdays\\H\\", message.Value("NTE-3"));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a|b^c~d\\e&f#g")]
    [InlineData("two\nlines")]
    [InlineData("bell\a and nul\0")]
    public void Encoded_text_decodes_to_itself(string text)
    {
        var delimiters = Hl7Delimiters.Default with { Truncation = '#' };

        var encoded = Hl7Escaping.Encode(text, delimiters);

        Assert.DoesNotContain(encoded, c => c is '|' or '^' or '~' or '&' or '#' or '\n' or '\0');
        Assert.Equal(text, Hl7Escaping.Decode(encoded, delimiters));
    }

    [Fact]
    public void Version_2_7_messages_may_declare_a_truncation_character()
    {
        var message = Hl7Message.Parse("MSH|^~\\&#|APP|FAC|||20240101||ADT^A08|1|P|2.7\rNTE|1||cut here\\P\\ and here#\r");

        Assert.Equal('#', message.Delimiters.Truncation);
        Assert.Equal("^~\\&#", message.Value("MSH-2"));
        Assert.Equal("cut here# and here#", message.Value("NTE-3"));
    }

    [Fact]
    public void Repeated_segments_are_told_apart_by_their_sequence()
    {
        var message = Hl7Message.Parse(Hl7Samples.Discharge() + "OBX|1|ST|HGB||11.2\rOBX|2|ST|NA||133\r");

        Assert.Equal("133", message.Value("OBX(2)-5"));
        Assert.Equal("11.2", message["OBX"]!.Field(5).Value);
        Assert.Equal(2, message.SegmentsWithId("OBX").Count());
    }

    [Theory]
    [InlineData("PV1-19", "PV1^1^19")]
    [InlineData("PID-5.1", "PID^1^5^1^1")]
    [InlineData("PID-3(2).4.2", "PID^1^3^2^4^2")]
    [InlineData("OBX(3)-5", "OBX^3^5")]
    [InlineData("PV1", "PV1^1")]
    public void Locations_read_and_write_back_as_paths_and_error_locations(string path, string errorLocation)
    {
        var location = Hl7Location.Parse(path);

        Assert.Equal(path, location.ToString());
        Assert.Equal(errorLocation, location.ToErrorLocation(Hl7Delimiters.Default));
    }

    [Theory]
    [InlineData("pv1-19")]
    [InlineData("PV1-0")]
    [InlineData("PV1-")]
    [InlineData("PV1.19")]
    public void A_malformed_path_is_a_programming_error(string path)
    {
        Assert.Throws<FormatException>(() => Hl7Location.Parse(path));
    }

    [Fact]
    public void Long_runs_of_separators_and_escapes_are_read_in_linear_time()
    {
        var escapes = new string('\\', 200_000);
        var fields = new string('|', 9_999);
        var text = $"MSH|^~\\&|APP\rNTE|1||{escapes}\rZZZ{fields}x\r";

        var message = Hl7Message.Parse(text);

        Assert.Equal(escapes, message.Value("NTE-3"));
        Assert.Equal("x", message.Value("ZZZ-9999"));
    }
}
