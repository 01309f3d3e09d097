namespace CareFlows.Server.Runtime;

/// <summary>How the durable runtime batches and buffers (configuration section <c>Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>
    /// The most requests committed in one transaction. Requests that arrive together share one commit (group
    /// commit), which is what makes durable commits affordable at thousands of bursts per second.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How long the writer may hold a batch open for more requests when fewer have arrived than recent batches held
    /// (callers answered together tend to come back together). Zero, the default, commits whatever has arrived at
    /// once: the next batch forms while this one commits, where holding it open kept every caller in one batch, so
    /// that the processors idled through each commit and the writer through each round of requests.
    /// </summary>
    public TimeSpan GroupCommitWait { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How many requests' bursts (the engine's work, scripts included) may run at once. One slow burst holds one of
    /// these, never the writer, so other instances go on meanwhile.
    /// </summary>
    public int MaxConcurrentBursts { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Requests a node holds (queued, being prepared or committed) before callers are made to wait too.</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>How often a request whose burst lost a race (for an instance, an event or a trigger) is prepared again before its caller gets a conflict.</summary>
    public int MaxConflictRetries { get; set; } = 5;

    /// <summary>How long an event nobody waits for yet is kept for an instance that may still get there.</summary>
    public TimeSpan EventBufferTimeToLive { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many of the instances it committed last a node remembers (state document and waiting bookmarks), so that
    /// their next event or timer is prepared without a read; 0 remembers none. Each takes its state document's size.
    /// </summary>
    public int InstanceCacheSize { get; set; } = 10_000;

    /// <summary>How often a node checks for definitions published, retired or deleted on another node (see PublishedVersionsWatcher).</summary>
    public TimeSpan PublishedPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often expired buffered events are removed.</summary>
    public TimeSpan EventBufferSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Refuses settings the pipeline cannot run with, naming the key at fault.</summary>
    public RuntimeOptions Validated()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(MaxBatchSize), MaxBatchSize),
            (nameof(MaxConcurrentBursts), MaxConcurrentBursts),
            (nameof(QueueCapacity), QueueCapacity),
            (nameof(MaxConflictRetries), MaxConflictRetries),
        })
        {
            if (value < 1)
            {
                throw new InvalidOperationException($"{Section}:{name} must be at least 1; it is {value}.");
            }
        }

        if (InstanceCacheSize < 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(InstanceCacheSize)} must be 0 or more; it is {InstanceCacheSize}.");
        }

        return this;
    }
}
