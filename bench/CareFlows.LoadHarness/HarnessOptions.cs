using System.Globalization;

namespace CareFlows.LoadHarness;

internal enum BenchDb
{
    Sqlite,
    Postgres,
}

internal enum BenchMode
{
    InProcess,
    Http,

    /// <summary>The ADT feed over HTTP and MLLP, on a server and database of its own.</summary>
    Adt,

    /// <summary>The audit chain's verification over a long seeded log, on a database of its own.</summary>
    Audit,
}

/// <summary>The command line: which databases and modes to run, and how big each scenario is.</summary>
internal sealed class HarnessOptions
{
    public IReadOnlyList<BenchDb> Databases { get; private set; } = [BenchDb.Sqlite, BenchDb.Postgres];

    public IReadOnlyList<BenchMode> Modes { get; private set; } = [BenchMode.InProcess, BenchMode.Http, BenchMode.Adt, BenchMode.Audit];

    /// <summary>Instances started, then resumed, in the throughput phases.</summary>
    public int Instances { get; private set; } = 10_000;

    /// <summary>Concurrent clients in the throughput phases and the timer starts.</summary>
    public int Clients { get; private set; } = 8;

    /// <summary>Delay timers due within the same ten seconds.</summary>
    public int Timers { get; private set; } = 1_000;

    /// <summary>Open timers rescheduled at start-up; 0 skips the scenario.</summary>
    public int Reschedule { get; private set; } = 100_000;

    /// <summary>Resumes measured one at a time by a single client, for unloaded latency; 0 skips the run.</summary>
    public int LatencySamples { get; private set; } = 1_000;

    /// <summary>
    /// Requests sent before measuring, so that connection pools are warm and tiered compilation has settled: the
    /// server recompiles its hot paths in the background for several seconds after start, and with 2,000 the first
    /// measured seconds over HTTP still paid for it.
    /// </summary>
    public int Warmup { get; private set; } = 10_000;

    /// <summary>Open tasks the inbox scenario puts in the database (HTTP runs); 0 skips the scenario.</summary>
    public int InboxTasks { get; private set; } = 1_000_000;

    /// <summary>Requests measured per inbox query.</summary>
    public int InboxQueries { get; private set; } = 2_000;

    /// <summary>Tasks the inbox scenario completes over HTTP, each with a five-field form.</summary>
    public int Completions { get; private set; } = 10_000;

    /// <summary>ADT^A03 discharges sent per transport (HTTP, MLLP) in the ADT run, each for a new patient and visit; 0 skips the run.</summary>
    public int AdtMessages { get; private set; } = 5_000;

    /// <summary>Audit records seeded, then replayed by <c>audit verify</c>, in the audit run; 0 skips the run.</summary>
    public int AuditRecords { get; private set; } = 1_000_000;

    /// <summary>Whether each event carries an idempotency key (the runtime then records a receipt per event).</summary>
    public bool IdempotencyKeys { get; private set; } = true;

    /// <summary>How long each run may wait for the machine to be quiet before measuring; zero does not wait.</summary>
    public TimeSpan QuietWait { get; private set; } = TimeSpan.FromMinutes(5);

    /// <summary>A PostgreSQL server to use instead of starting a throw-away cluster with eng/postgres.sh.</summary>
    public string? PostgresConnectionString { get; private set; } = Environment.GetEnvironmentVariable("CAREFLOWS_TEST_POSTGRES");

    /// <summary>Where the Markdown report goes; by default results/latest.md beside this project's source.</summary>
    public string? Output { get; private set; }

    /// <summary>Where the HTTP runs' server process writes its log; none by default.</summary>
    public string? ServerLog { get; private set; }

    /// <summary>The server build the HTTP runs start; by default the Release build beside this program's.</summary>
    public string? ServerDll { get; private set; }

    public static string Usage =>
        """
        CareFlows load harness
          --db sqlite|postgres|all        databases to run (all)
          --mode inprocess|http|adt|audit|all
                                          through the runtime service, through the HTTP API, the ADT feed, the audit
                                          chain's verification, or all four (all)
          --instances N                   instances started, then resumed (10000)
          --clients N                     concurrent clients (8)
          --timers N                      Delay timers due within the same 10 seconds (1000)
          --reschedule N                  open timers rescheduled at start-up, 0 to skip (100000)
          --latency-samples N             resumes by a single client for unloaded latency, 0 to skip (1000)
          --warmup N                      unmeasured starts and resumes first (10000)
          --inbox-tasks N                 open tasks over 100 teams for the inbox scenario (HTTP runs), 0 to skip (1000000)
          --inbox-queries N               requests measured per inbox query (2000)
          --completions N                 tasks completed with a five-field form over HTTP (10000)
          --adt-messages N                ADT^A03 discharges per transport, HTTP and MLLP (adt runs), 0 to skip (5000)
          --audit-verify N                audit records seeded, then verified with `audit verify` (audit runs), 0 to skip (1000000)
          --no-idempotency-keys           publish events without idempotency keys
          --quiet-wait SECONDS            wait up to this long before each run for other work to stop, 0 not to wait (300)
          --postgres CONNECTION_STRING    use this PostgreSQL server (default: $CAREFLOWS_TEST_POSTGRES, else eng/postgres.sh)
          --output FILE                   Markdown report (bench/CareFlows.LoadHarness/results/latest.md)
          --server-dll FILE               server build for the HTTP runs (the Release build beside this one)
          --server-log FILE               append the HTTP runs' server output to this file
        """;

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Count() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} needs a whole number.");
            switch (name)
            {
                case "--db":
                    options.Databases = Value() switch
                    {
                        "sqlite" => [BenchDb.Sqlite],
                        "postgres" => [BenchDb.Postgres],
                        "all" => [BenchDb.Sqlite, BenchDb.Postgres],
                        var other => throw new ArgumentException($"--db {other}: expected sqlite, postgres or all."),
                    };
                    break;
                case "--mode":
                    options.Modes = Value() switch
                    {
                        "inprocess" => [BenchMode.InProcess],
                        "http" => [BenchMode.Http],
                        "adt" => [BenchMode.Adt],
                        "audit" => [BenchMode.Audit],
                        "all" => [BenchMode.InProcess, BenchMode.Http, BenchMode.Adt, BenchMode.Audit],
                        var other => throw new ArgumentException($"--mode {other}: expected inprocess, http, adt, audit or all."),
                    };
                    break;
                case "--instances":
                    options.Instances = Count();
                    break;
                case "--clients":
                    options.Clients = Math.Max(1, Count());
                    break;
                case "--timers":
                    options.Timers = Count();
                    break;
                case "--reschedule":
                    options.Reschedule = Count();
                    break;
                case "--latency-samples":
                    options.LatencySamples = Count();
                    break;
                case "--warmup":
                    options.Warmup = Count();
                    break;
                case "--inbox-tasks":
                    options.InboxTasks = Count();
                    break;
                case "--inbox-queries":
                    options.InboxQueries = Math.Max(10, Count());
                    break;
                case "--completions":
                    options.Completions = Math.Max(1, Count());
                    break;
                case "--adt-messages":
                    options.AdtMessages = Count();
                    break;
                case "--audit-verify":
                    options.AuditRecords = Count();
                    break;
                case "--no-idempotency-keys":
                    options.IdempotencyKeys = false;
                    break;
                case "--quiet-wait":
                    options.QuietWait = TimeSpan.FromSeconds(Count());
                    break;
                case "--postgres":
                    options.PostgresConnectionString = Value();
                    break;
                case "--output":
                    options.Output = Value();
                    break;
                case "--server-log":
                    options.ServerLog = Value();
                    break;
                case "--server-dll":
                    options.ServerDll = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }

        if (options.AdtMessages == 0)
        {
            options.Modes = [.. options.Modes.Where(m => m != BenchMode.Adt)];
        }

        if (options.AuditRecords == 0)
        {
            options.Modes = [.. options.Modes.Where(m => m != BenchMode.Audit)];
        }

        return options;
    }
}
