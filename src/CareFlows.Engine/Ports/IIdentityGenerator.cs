using System.Security.Cryptography;

namespace CareFlows.Engine.Ports;

/// <summary>Makes ids for instances, bookmarks and tasks. Replaceable so runs can be replayed exactly.</summary>
public interface IIdentityGenerator
{
    /// <summary>A new unique id.</summary>
    string NewId();
}

/// <summary>Random 16-hex-character ids, the shape Elsa uses.</summary>
public sealed class RandomIdentityGenerator : IIdentityGenerator
{
    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
