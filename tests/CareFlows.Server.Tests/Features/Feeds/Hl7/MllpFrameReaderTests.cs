using System.Text;
using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>MLLP frames read from byte streams split anywhere, with noise before them, cut short, or too large.</summary>
public sealed class MllpFrameReaderTests
{
    private const byte Start = 0x0B;
    private const byte End = 0x1C;
    private const byte Cr = 0x0D;

    private static byte[] Frame(string message) => [Start, .. Encoding.UTF8.GetBytes(message), End, Cr];

    private static async Task<List<MllpReadResult>> ReadAllAsync(byte[] bytes, int chunkSize, int maxFrameBytes = 1 << 20)
    {
        var reader = new MllpFrameReader(new ChunkedStream(bytes, chunkSize), maxFrameBytes);
        var results = new List<MllpReadResult>();
        MllpReadResult result;
        do
        {
            result = await reader.ReadAsync(TestContext.Current.CancellationToken);
            results.Add(result);
        }
        while (result.Status == MllpReadStatus.Frame);

        return results;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8192)]
    public async Task Frames_are_read_however_the_bytes_are_split(int chunkSize)
    {
        string[] messages = [Hl7Samples.Discharge(), Hl7Samples.CancelDischarge, "MSH|^~\\&|Zoë|Ærø\r"];

        var results = await ReadAllAsync([.. messages.SelectMany(Frame)], chunkSize);

        Assert.Equal([MllpReadStatus.Frame, MllpReadStatus.Frame, MllpReadStatus.Frame, MllpReadStatus.EndOfStream], results.Select(r => r.Status));
        Assert.Equal(messages, results.Take(3).Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8192)]
    public async Task Bytes_before_a_start_block_are_ignored(int chunkSize)
    {
        byte[] bytes = [.. "noise\r\n"u8, End, Cr, 0x00, 0xFF, .. Frame("MSH|^~\\&|A\r"), .. "\r\n"u8, .. Frame("MSH|^~\\&|B\r"), .. "trailing"u8];

        var results = await ReadAllAsync(bytes, chunkSize);

        Assert.Equal(["MSH|^~\\&|A\r", "MSH|^~\\&|B\r"], results.Where(r => r.Status == MllpReadStatus.Frame).Select(r => Encoding.UTF8.GetString(r.Payload)));
        Assert.Equal(MllpReadStatus.EndOfStream, results[^1].Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8192)]
    public async Task A_stream_ending_inside_a_frame_is_reported_truncated_with_what_arrived(int chunkSize)
    {
        var results = await ReadAllAsync([.. Frame("MSH|^~\\&|A\r"), Start, .. "MSH|^~\\&|B|C"u8], chunkSize);

        Assert.Equal([MllpReadStatus.Frame, MllpReadStatus.Truncated], results.Select(r => r.Status));
        Assert.Equal("MSH|^~\\&|B|C", Encoding.UTF8.GetString(results[1].Payload));
    }

    [Fact]
    public async Task An_end_block_without_its_carriage_return_at_the_end_of_the_stream_is_truncated()
    {
        var results = await ReadAllAsync([Start, .. "MSH|^~\\&|A\r"u8, End], 1);

        Assert.Equal(MllpReadStatus.Truncated, Assert.Single(results).Status);
    }

    [Fact]
    public async Task An_end_block_not_followed_by_a_carriage_return_is_data()
    {
        var results = await ReadAllAsync([Start, (byte)'a', End, (byte)'b', End, Cr], 1);

        Assert.Equal([(byte)'a', End, (byte)'b'], results[0].Payload);
    }

    [Fact]
    public async Task An_empty_stream_or_noise_alone_ends_without_a_frame()
    {
        Assert.Equal(MllpReadStatus.EndOfStream, Assert.Single(await ReadAllAsync([], 1)).Status);
        Assert.Equal(MllpReadStatus.EndOfStream, Assert.Single(await ReadAllAsync([.. "no frame here"u8, End, Cr], 3)).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8192)]
    public async Task A_frame_over_the_limit_is_refused_with_its_first_bytes(int chunkSize)
    {
        var large = "MSH|^~\\&|A|B|||||ADT^A03|BIG|P|2.5.1\r" + new string('x', 5000);

        var results = await ReadAllAsync([.. Frame(large), .. Frame("MSH|^~\\&|A\r")], chunkSize, maxFrameBytes: 1024);

        Assert.Equal(MllpReadStatus.TooLarge, results[^1].Status);
        Assert.Single(results);
        Assert.Equal(large[..1024], Encoding.UTF8.GetString(results[0].Payload));
    }

    [Fact]
    public async Task A_frame_exactly_at_the_limit_is_read()
    {
        var message = new string('x', 1024);

        var results = await ReadAllAsync(Frame(message), 1, maxFrameBytes: 1024);

        Assert.Equal(message, Encoding.UTF8.GetString(results[0].Payload));
    }

    [Fact]
    public async Task Written_frames_read_back()
    {
        using var stream = new MemoryStream();
        await MllpFrameWriter.WriteAsync(stream, Hl7Samples.Discharge(), TestContext.Current.CancellationToken);
        await MllpFrameWriter.WriteAsync(stream, "MSH|^~\\&|Zoë\r", TestContext.Current.CancellationToken, Encoding.Latin1);

        var bytes = stream.ToArray();
        var results = await ReadAllAsync(bytes, 5);

        Assert.Equal(Start, bytes[0]);
        Assert.Equal([End, Cr], bytes[^2..]);
        Assert.Equal(Hl7Samples.Discharge(), Encoding.UTF8.GetString(results[0].Payload));
        Assert.Equal("MSH|^~\\&|Zoë\r", Encoding.Latin1.GetString(results[1].Payload));
    }
}
