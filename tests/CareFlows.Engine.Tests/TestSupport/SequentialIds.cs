using CareFlows.Engine.Ports;

namespace CareFlows.Engine.Tests.TestSupport;

/// <summary>Ids id1, id2, … so runs are reproducible.</summary>
public sealed class SequentialIds : IIdentityGenerator
{
    private int _next;

    public string NewId() => $"id{Interlocked.Increment(ref _next)}";
}
