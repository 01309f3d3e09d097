namespace CareFlows.Server.Auth.Sessions;

/// <summary>The claims that tie a bearer token or cookie to its session.</summary>
public static class SessionClaims
{
    public const string SessionId = "careflows:session";

    /// <summary>In a bearer token's refresh token: how many refreshes came before it.</summary>
    public const string RefreshCount = "careflows:refresh";
}

/// <summary>The live session a request was admitted in, and how its credential came.</summary>
public sealed record SignedInSession(string Id, Persistence.Entities.SessionTransport Transport);
