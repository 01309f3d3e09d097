namespace CareFlows.Server.Features.Demo;

/// <summary>The demo's settings (section <c>Demo</c>).</summary>
public sealed class DemoPathwayOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// On a first start, run a handful of each pathway to different stages so that the inbox and the metrics are not
    /// empty. Null means: wherever the demo users are seeded (the embedded SQLite default).
    /// </summary>
    public bool? SeedPathways { get; set; }
}
