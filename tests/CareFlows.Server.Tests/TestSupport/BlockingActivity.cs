using System.Collections.Concurrent;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Execution;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>
/// A test-only activity that holds its burst, and the thread running it, until the test releases it: it stands for a
/// slow script without depending on how long anything takes. Gates are keyed by the instance's correlation id.
/// </summary>
[Activity("Test", "Block", Category = "Test", Description = "Holds the burst until the test opens its gate.")]
public sealed class BlockingActivity : CodeActivity
{
    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the instance with this correlation id.</summary>
    public static Gate For(string correlationId) => Gates.GetOrAdd(correlationId, _ => new Gate());

    protected override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gate = For(context.CorrelationId ?? "");
        gate.Entered.Release();

        // Bounded, so a broken test cannot hang the suite.
        if (!gate.Opened.Wait(TimeSpan.FromMinutes(1)))
        {
            throw new TimeoutException("The test never opened the gate.");
        }
    }

    public sealed class Gate
    {
        /// <summary>Released once a burst is held at the gate.</summary>
        public SemaphoreSlim Entered { get; } = new(0);

        public ManualResetEventSlim Opened { get; } = new();
    }
}
