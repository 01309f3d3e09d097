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

    /// <summary>The demo users' password.</summary>
    public string DemoPassword { get; set; } = "CareFlows-Demo-1";

    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
