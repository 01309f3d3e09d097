namespace CareFlows.Server.Auth.Feeds;

/// <summary>What a feed client may do: each scope opens one feed endpoint and nothing else.</summary>
public static class FeedScopes
{
    /// <summary>The claim a feed client's scopes travel in.</summary>
    public const string ClaimType = "scope";

    /// <summary>Send HL7 v2 ADT messages (<c>POST /api/feeds/adt</c>).</summary>
    public const string Adt = "feeds:adt";

    public static readonly IReadOnlyList<string> All = [Adt];

    /// <summary>The authorization policy that lets in feed clients holding <paramref name="scope"/>, and nobody else.</summary>
    public static string Policy(string scope) => "Feed:" + scope;
}
