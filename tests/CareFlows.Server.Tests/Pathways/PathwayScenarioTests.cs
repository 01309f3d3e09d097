namespace CareFlows.Server.Tests.Pathways;

/// <summary>Each test runs its pathway on a host and a clock of its own, starting at <paramref name="start"/>.</summary>
public abstract class PathwayScenarioTests(DateTimeOffset start) : IAsyncLifetime
{
    protected PathwayScenario Run { get; } = new(start);

    public async ValueTask InitializeAsync() => await Run.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await Run.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
