namespace CareFlows.Server.Auth.Feeds;

/// <summary>
/// The systems that send CareFlows their feeds (the <c>Feeds:Clients</c> section), each with its own key and the
/// scopes it may use. Keys are kept as SHA-256 hashes (<see cref="FeedClient.KeySha256"/>); a plain key is accepted
/// for development only.
/// </summary>
public sealed class FeedClientOptions
{
    public const string Section = "Feeds:Clients";

    /// <summary>The demo hospital's key on the embedded default (ADT and Encounters), seeded with the demo users and listed in the README.</summary>
    public const string DemoAdtKey = "careflows-demo-hospital-adt";

    /// <summary>The demo payer gateway's key on the embedded default, for its decisions.</summary>
    public const string DemoPayerKey = "careflows-demo-payer-gateway";

    /// <summary>The demo specialist network's key on the embedded default, for news about referrals.</summary>
    public const string DemoReferralKey = "careflows-demo-specialist-network";

    public IList<FeedClient> Clients { get; } = [];

    /// <summary>The configured clients, with the demo hospital's where the demo users are seeded.</summary>
    public static FeedClientOptions From(IConfiguration configuration, AuthOptions auth, Persistence.DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(auth);
        var options = new FeedClientOptions();
        configuration.GetSection(Section).Bind(options.Clients);
        foreach (var (client, index) in options.Clients.Select((c, i) => (c, i)))
        {
            // Refused at start, naming the setting: a bad hash found at the first request would fail every request.
            if (client.KeySha256 is { } hash && (hash.Length != 64 || !hash.All(Uri.IsHexDigit)))
            {
                throw new InvalidOperationException($"{Section}:{index}:KeySha256 must be the 64 hex digits of the key's SHA-256.");
            }

            if (client.KeySha256 is null && string.IsNullOrEmpty(client.Key))
            {
                throw new InvalidOperationException($"{Section}:{index} needs KeySha256 (or Key, for development).");
            }
        }

        if (auth.SeedsDemo(provider))
        {
            options.Clients.Add(new FeedClient { Name = "Demo hospital", Key = DemoAdtKey, Scopes = { FeedScopes.Adt, FeedScopes.Encounters } });
            options.Clients.Add(new FeedClient { Name = "Demo payer gateway", Key = DemoPayerKey, Scopes = { FeedScopes.PayerDecisions } });
            options.Clients.Add(new FeedClient { Name = "Demo specialist network", Key = DemoReferralKey, Scopes = { FeedScopes.Referrals } });
        }

        return options;
    }
}

/// <summary>One sending system.</summary>
public sealed class FeedClient
{
    /// <summary>Who it is, for the record: "St. Mary's ADT", "Payer gateway".</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 of its key, as lowercase hex.</summary>
    public string? KeySha256 { get; set; }

    /// <summary>The key itself; development only.</summary>
    public string? Key { get; set; }

    /// <summary>What it may do, from <see cref="FeedScopes"/>.</summary>
    public IList<string> Scopes { get; } = [];
}
