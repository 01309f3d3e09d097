using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CareFlows.Engine.Ports;

/// <summary>
/// 24-hex-character ids that sort by creation time: 48 bits of milliseconds since the Unix epoch, then 48 random
/// bits. A database stores rows keyed by these next to the rows made just before them, so a burst's new instance,
/// bookmarks and journal rows land on the index pages the last bursts touched instead of on a random page each.
/// Two ids made in the same millisecond collide with odds of 1 in 2^48.
/// </summary>
public sealed class TimeOrderedIdentityGenerator(TimeProvider clock) : IIdentityGenerator
{
    public TimeOrderedIdentityGenerator()
        : this(TimeProvider.System)
    {
    }

    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt64BigEndian(bytes, clock.GetUtcNow().ToUnixTimeMilliseconds() << 16);
        RandomNumberGenerator.Fill(bytes[6..]);
        return Convert.ToHexStringLower(bytes);
    }
}
