using System.Net;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>The HL7 v2 MLLP listener (configuration section <c>Feeds:Mllp</c>); off unless enabled.</summary>
public sealed class MllpOptions
{
    public const string Section = "Feeds:Mllp";

    public bool Enabled { get; set; }

    /// <summary>The TCP port; 2575 is HL7's registered port, 0 an ephemeral one (tests).</summary>
    public int Port { get; set; } = 2575;

    /// <summary>The address listened on: loopback by default, so that a feed is exposed only on purpose (e.g. behind a VPN or stunnel).</summary>
    public string Address { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>The largest frame accepted, in bytes; a larger one is refused and its connection closed.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a connection may wait for its next bytes before it is closed; senders reconnect when they have more.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Connections served at once; further ones wait to be accepted.</summary>
    public int MaxConnections { get; set; } = 64;

    /// <summary>Refuses settings the listener cannot run with, naming the key at fault.</summary>
    public MllpOptions Validated()
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            throw new InvalidOperationException($"{Section}:{nameof(Address)} must be an IP address; it is '{Address}'.");
        }

        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new InvalidOperationException($"{Section}:{nameof(Port)} must be between 0 and {IPEndPoint.MaxPort}; it is {Port}.");
        }

        if (MaxMessageBytes < 1024)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxMessageBytes)} must be at least 1024; it is {MaxMessageBytes}.");
        }

        if (MaxConnections < 1)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxConnections)} must be at least 1; it is {MaxConnections}.");
        }

        if (ReadTimeout <= TimeSpan.Zero && ReadTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException($"{Section}:{nameof(ReadTimeout)} must be positive (or infinite); it is {ReadTimeout}.");
        }

        return this;
    }
}
