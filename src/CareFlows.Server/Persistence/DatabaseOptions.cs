namespace CareFlows.Server.Persistence;

/// <summary>Which database CareFlows uses (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The provider's connection string; for SQLite, defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded SQLite database lives, relative to the content root unless absolute.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
