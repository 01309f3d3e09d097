using System.Buffers;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Reads MLLP frames from a stream, however the bytes are split across reads. Bytes before a start block are ignored
/// (line noise, a keep-alive, the tail of a frame given up on). A frame grows to at most the limit given; memory use
/// is bounded by it, and the work is linear in the bytes read. The stream is not owned.
/// </summary>
public sealed class MllpFrameReader(Stream stream, int maxFrameBytes)
{
    private readonly byte[] buffer = new byte[8192];
    private readonly ArrayBufferWriter<byte> frame = new();
    private int start;
    private int end;

    /// <summary>The next frame, or how the stream ended. After <see cref="MllpReadStatus.TooLarge"/> the stream should be closed.</summary>
    public async Task<MllpReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        frame.ResetWrittenCount();
        var inFrame = false;
        var endBlockSeen = false;
        while (true)
        {
            if (start == end)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return inFrame ? new MllpReadResult(MllpReadStatus.Truncated, frame.WrittenSpan.ToArray()) : MllpReadResult.EndOfStream;
                }

                (start, end) = (0, read);
            }

            var available = buffer.AsSpan(start, end - start);
            if (!inFrame)
            {
                var open = available.IndexOf(MllpFrameWriter.StartBlock);
                start = open < 0 ? end : start + open + 1;
                inFrame = open >= 0;
                continue;
            }

            if (endBlockSeen)
            {
                endBlockSeen = false;
                if (available[0] == MllpFrameWriter.CarriageReturn)
                {
                    start++;
                    return new MllpReadResult(MllpReadStatus.Frame, frame.WrittenSpan.ToArray());
                }

                // An end block not followed by a carriage return does not end the frame; it is data (which no HL7 text holds).
                Append([MllpFrameWriter.EndBlock]);
            }

            var close = available.IndexOf(MllpFrameWriter.EndBlock);
            Append(close < 0 ? available : available[..close]);
            start = close < 0 ? end : start + close + 1;
            endBlockSeen = close >= 0;
            if (frame.WrittenCount > maxFrameBytes)
            {
                return new MllpReadResult(MllpReadStatus.TooLarge, frame.WrittenSpan[..maxFrameBytes].ToArray());
            }
        }
    }

    private void Append(ReadOnlySpan<byte> bytes) => frame.Write(bytes);
}
