namespace CareFlows.Server.Infrastructure;

/// <summary>API settings (configuration section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted, in bytes (definition imports are the largest bodies).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
