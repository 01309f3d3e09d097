namespace CareFlows.Server.Auth.Feeds;

/// <summary>What a feed client may do: each scope opens one feed endpoint and nothing else.</summary>
public static class FeedScopes
{
    /// <summary>The claim a feed client's scopes travel in.</summary>
    public const string ClaimType = "scope";

    /// <summary>Send HL7 v2 ADT messages (<c>POST /api/feeds/adt</c>).</summary>
    public const string Adt = "feeds:adt";

    /// <summary>Send FHIR R4 Encounters (<c>POST /api/feeds/fhir/Encounter</c>).</summary>
    public const string Encounters = "feeds:encounters";

    /// <summary>Send payers' decisions as FHIR R4 ClaimResponses (<c>POST /api/feeds/fhir/ClaimResponse</c>).</summary>
    public const string PayerDecisions = "feeds:payer-decisions";

    /// <summary>Send news about referrals (<c>POST /api/feeds/referrals</c>).</summary>
    public const string Referrals = "feeds:referrals";

    public static readonly IReadOnlyList<string> All = [Adt, Encounters, PayerDecisions, Referrals];

    /// <summary>The authorization policy that lets in feed clients holding <paramref name="scope"/>, and nobody else.</summary>
    public static string Policy(string scope) => "Feed:" + scope;
}
