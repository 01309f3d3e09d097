namespace CareFlows.Engine.Execution;

/// <summary>Waits for a burst on the calling thread.</summary>
internal static class ValueTaskExtensions
{
    // Every activity the engine ships completes synchronously, so a burst's ValueTask is normally done already.
    public static T WaitForResult<T>(this ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
