using System.Text;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Turns a frame's bytes into text. UTF-8 unless MSH-18 names ISO 8859-1 (<c>8859/1</c>), the one other character set
/// US feeds use; ASCII is read as UTF-8, of which it is part. Invalid bytes are not replaced: a message whose text is
/// not what its sender meant is refused rather than read with question marks in a name.
/// </summary>
internal static class Hl7TextEncoding
{
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and the character set it was read in (the answer is written in the same); false when the bytes are not valid text.</summary>
    public static bool TryDecode(byte[] payload, out string text, out Encoding encoding)
    {
        encoding = Declared(payload);
        try
        {
            text = (encoding == Utf8 ? StrictUtf8 : encoding).GetString(payload);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>The character set MSH-18 names (its first repetition), read from the header's bytes as ISO 8859-1.</summary>
    private static Encoding Declared(ReadOnlySpan<byte> payload)
    {
        var lineEnd = payload.IndexOfAny((byte)'\r', (byte)'\n');
        var header = Encoding.Latin1.GetString(lineEnd < 0 ? payload : payload[..lineEnd]);
        if (header.Length < 6 || !header.StartsWith("MSH", StringComparison.Ordinal))
        {
            return Utf8;
        }

        var fields = header.Split(header[3]);
        var charset = fields.Length > 17 ? fields[17].Split(header[5])[0] : string.Empty;
        return charset == "8859/1" ? Encoding.Latin1 : Utf8;
    }
}
