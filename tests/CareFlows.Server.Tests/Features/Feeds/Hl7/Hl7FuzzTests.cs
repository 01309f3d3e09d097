using System.Text;
using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Tests.Features.Feeds.Hl7;

/// <summary>
/// Broken input of every kind is read or refused with <see cref="Hl7ParseException"/> and nothing else, quickly; and
/// whatever was read, the ADT reader and the ACK built for it hold up, the ACK always parsing as HL7 again.
/// </summary>
public sealed class Hl7FuzzTests
{
    private static readonly string[] Samples =
        [Hl7Samples.Discharge(), Hl7Samples.CancelDischarge, Hl7Samples.Update, Hl7Samples.Admit, Hl7Samples.DischargeWithOwnDelimiters];

    /// <summary>Separators and framing bytes: a flip to one of these changes a message's structure, not just a value.</summary>
    private static readonly byte[] Structural = [.. "|^~\\&*:!$#\r\n"u8, 0x00, 0x0B, 0x1C, 0x7F, 0xFF];

    private readonly Hl7AckBuilder acks = new(TimeProvider.System);

    [Fact(Timeout = 60_000)]
    public async Task Every_truncation_of_a_valid_message_is_read_or_refused()
    {
        await Task.Run(
            () =>
            {
                foreach (var sample in Samples)
                {
                    for (var length = 0; length <= sample.Length; length++)
                    {
                        Exercise(sample[..length]);
                    }
                }
            },
            TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_thousand_corrupted_messages_are_read_or_refused()
    {
        var random = new Random(20240305);
        var read = 0;
        await Task.Run(
            () =>
            {
                for (var variant = 0; variant < 2_000; variant++)
                {
                    var bytes = Encoding.UTF8.GetBytes(Samples[variant % Samples.Length]);
                    for (var flips = random.Next(1, 4); flips > 0; flips--)
                    {
                        bytes[random.Next(bytes.Length)] = random.Next(2) == 0 ? (byte)random.Next(256) : Structural[random.Next(Structural.Length)];
                    }

                    read += Exercise(Encoding.Latin1.GetString(bytes)) ? 1 : 0;
                }
            },
            TestContext.Current.CancellationToken);

        // Both paths are exercised: most single flips land in values, which still parse.
        Assert.InRange(read, 200, 1_900);
    }

    [Fact(Timeout = 60_000)]
    public async Task Corrupted_frames_are_read_or_reported_and_never_hang()
    {
        var random = new Random(42);
        for (var variant = 0; variant < 500; variant++)
        {
            byte[] bytes = [0x0B, .. Encoding.UTF8.GetBytes(Samples[variant % Samples.Length]), 0x1C, 0x0D];
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = Structural[random.Next(Structural.Length)];
            }

            var reader = new MllpFrameReader(new ChunkedStream(bytes, random.Next(1, 64)), 1024);
            for (var frames = 0; frames < bytes.Length; frames++)
            {
                var result = await reader.ReadAsync(TestContext.Current.CancellationToken);
                Assert.True(result.Payload.Length <= 1024);
                if (result.Status != MllpReadStatus.Frame)
                {
                    break;
                }

                Exercise(Encoding.Latin1.GetString(result.Payload));
            }
        }
    }

    /// <summary>Reads, maps and answers the text; true when it parsed.</summary>
    private bool Exercise(string text)
    {
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(text);
        }
        catch (Hl7ParseException refused)
        {
            Assert.False(string.IsNullOrWhiteSpace(refused.Problem.Message));
            Assert.Equal("AR", Hl7Message.Parse(acks.Build(text, Hl7AckCode.Reject, refused.Problem.Message, [refused.Problem])).Value("MSA-1"));
            return false;
        }

        foreach (var path in (string[])["MSH-1", "MSH-2", "MSH-9.2", "PID-3(2).4.2", "PID-5.1", "PV1-19", "PV1-45", "ZZZ-1"])
        {
            _ = message.Value(path);
        }

        var result = AdtMessage.From(message, TimeZoneInfo.Utc);
        Assert.True(result.Succeeded != result.Problems.Count > 0);
        var ack = Hl7Message.Parse(acks.Build(message, result.AcknowledgementCode, "checked", result.Problems));
        Assert.Equal(result.Problems.Count == 0 ? 0 : result.Problems.Count, ack.SegmentsWithId("ERR").Count());
        return true;
    }
}
