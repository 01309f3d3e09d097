namespace CareFlows.Server.Auth;

/// <summary>Sign-in settings (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Seed one demo user per role at start-up. Null means: only on the embedded SQLite default, never on a shared
    /// PostgreSQL or SQL Server unless asked for.
    /// </summary>
    public bool? SeedDemoUsers { get; set; }

    /// <summary>Whether the demo users, and the demo feed client, are seeded on this database.</summary>
    public bool SeedsDemo(Persistence.DatabaseProvider provider) => SeedDemoUsers ?? provider == Persistence.DatabaseProvider.Sqlite;

    /// <summary>The demo users' password.</summary>
    public string DemoPassword { get; set; } = "CareFlows-Demo-1";

    /// <summary>How long one bearer token is valid; a refresh token gets a new one while the session lives.</summary>
    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest a session lives, however active: after it, the user signs in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A cookie session without a request for this long ends (automatic logoff).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a node trusts what it last read about a session. A session ended on one node is refused by every
    /// other node at most this much later.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a session's last-seen time is written at most (and at most a quarter of the idle timeout).</summary>
    public TimeSpan LastSeenInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Origins besides the server's own that may send cookie-authenticated changes, e.g. a web app's dev server.</summary>
    public List<string> TrustedOrigins { get; set; } = [];

    /// <summary>Failed sign-ins in a row that lock an account; the per-account rate limit comes first.</summary>
    public int LockoutThreshold { get; set; } = 20;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public SignInLimitOptions SignInLimits { get; set; } = new();

    /// <summary>The interval at which a session's last-seen time is written: often enough to measure idleness.</summary>
    public TimeSpan EffectiveLastSeenInterval => LastSeenInterval < IdleTimeout / 4 ? LastSeenInterval : IdleTimeout / 4;
}

/// <summary>Sign-in attempts allowed per fixed window (configuration section <c>Auth:SignInLimits</c>).</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Attempts per client address; generous, as a whole ward may sign in from behind one address.</summary>
    public int PerAddressPermits { get; set; } = 30;

    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts per account (email), whoever makes them.</summary>
    public int PerAccountPermits { get; set; } = 5;

    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(5);
}
