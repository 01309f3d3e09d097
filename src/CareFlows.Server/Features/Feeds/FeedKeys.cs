using System.Security.Cryptography;
using System.Text;

namespace CareFlows.Server.Features.Feeds;

/// <summary>
/// Idempotency keys made of what a sender says (patients, visits, message ids), kept within the key column however
/// long those are: a key that would not fit is replaced by its hash, which is as unique.
/// </summary>
public static class FeedKeys
{
    /// <summary>The longest key kept as it is.</summary>
    public const int MaxLength = 200;

    public static string Of(string kind, params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var key = $"{kind}:{string.Join('|', parts.Select(p => p ?? ""))}";
        return key.Length <= MaxLength ? key : $"{kind}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
    }
}
