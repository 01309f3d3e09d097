using System.Text;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Writes messages in MLLP frames: a vertical tab (0x0B) before, a file separator and carriage return (0x1C 0x0D)
/// after. One write per frame, so a frame is not split into more packets than it must be.
/// </summary>
public static class MllpFrameWriter
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frame = new byte[payload.Length + 3];
        frame[0] = StartBlock;
        payload.CopyTo(frame.AsMemory(1));
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the message in <paramref name="encoding"/>, UTF-8 without a byte-order mark by default.</summary>
    public static Task WriteAsync(Stream stream, string message, CancellationToken cancellationToken, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WriteAsync(stream, (encoding ?? Hl7TextEncoding.Utf8).GetBytes(message), cancellationToken);
    }
}
