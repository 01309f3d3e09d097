using System.Text;
using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>Frames are UTF-8 unless MSH-18 says ISO 8859-1; bytes that are not text in that set are refused, never replaced.</summary>
public sealed class Hl7TextEncodingTests
{
    private const string Latin1Message = "MSH|^~\\&|A|B|||20240305||ADT^A08|1|P|2.5.1||||||8859/1\rPID|1||1||Zoë\r";

    [Fact]
    public void Utf8_is_read_by_default()
    {
        Assert.True(Hl7TextEncoding.TryDecode(Encoding.UTF8.GetBytes("MSH|^~\\&|Zoë\r"), out var text, out var encoding));

        Assert.Equal(("MSH|^~\\&|Zoë\r", "utf-8"), (text, encoding.WebName));
    }

    [Fact]
    public void Msh_18_8859_1_is_read_as_latin_1()
    {
        Assert.True(Hl7TextEncoding.TryDecode(Encoding.Latin1.GetBytes(Latin1Message), out var text, out var encoding));

        Assert.Equal((Latin1Message, "iso-8859-1"), (text, encoding.WebName));
        Assert.Equal("8859/1", Hl7Message.Parse(text).Value("MSH-18"));
    }

    [Fact]
    public void Latin_1_bytes_without_msh_18_are_not_utf8_text()
    {
        var bytes = Encoding.Latin1.GetBytes(Latin1Message.Replace("8859/1", string.Empty, StringComparison.Ordinal));

        Assert.False(Hl7TextEncoding.TryDecode(bytes, out _, out _));
    }
}
