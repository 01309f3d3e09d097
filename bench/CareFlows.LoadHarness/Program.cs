using CareFlows.LoadHarness;

if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(HarnessOptions.Usage);
    return 0;
}

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(HarnessOptions.Usage);
    return 2;
}

var root = Shell.RepositoryRoot();
var serverDll = options.ServerDll ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "CareFlows.Server", "release", "CareFlows.Server.dll"));
if (!File.Exists(serverDll))
{
    await Console.Error.WriteLineAsync($"No server build at {serverDll}: run the harness with -c Release, or pass --server-dll.");
    return 2;
}

using var dropOnInterrupt = BenchDatabase.DropOnInterrupt();
var started = DateTime.UtcNow;
var loadBefore = Report.LoadAverage();
var command = "dotnet run -c Release --project bench/CareFlows.LoadHarness --" + (args.Length == 0 ? "" : " " + string.Join(' ', args));
BenchRunner.Say($"{Report.Machine()}, load average {loadBefore}");
BenchRunner.Say($"server: {serverDll}");

var runs = new List<RunResult>();
var durability = new Dictionary<BenchDb, string>();
var runner = new BenchRunner(options, serverDll);
PostgresCluster? cluster = null;
try
{
    foreach (var db in options.Databases)
    {
        string? postgres = null;
        if (db == BenchDb.Postgres)
        {
            if (options.PostgresConnectionString is null)
            {
                BenchRunner.Say("starting a throw-away PostgreSQL cluster with eng/postgres.sh");
                cluster = await PostgresCluster.StartAsync(root);
            }

            postgres = options.PostgresConnectionString ?? cluster!.ConnectionString;
        }

        foreach (var mode in options.Modes)
        {
            BenchRunner.Say(mode == BenchMode.Audit ? $"--- {db}, {mode} ---" : $"--- {db}, {mode}, {options.Clients} clients ---");
            await using var database = await BenchDatabase.CreateAsync(db, postgres);
            if (!durability.ContainsKey(db))
            {
                durability[db] = await database.DurabilityAsync();
                BenchRunner.Say(durability[db]);
            }

            runs.Add(await runner.RunAsync(database, db, mode));
        }
    }
}
finally
{
    if (cluster is not null)
    {
        await cluster.DisposeAsync();
    }
}

if (BenchDatabase.Interrupted)
{
    BenchRunner.Say("interrupted: the bench databases are dropped, and no report is written");
    return 130;
}

var report = Report.Write(options, runs, durability, started, command, loadBefore);
Console.WriteLine();
Console.WriteLine(report);
var output = options.Output ?? Path.Combine(root, "bench", "CareFlows.LoadHarness", "results", "latest.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report);
BenchRunner.Say($"report written to {output}");
return runs.Any(r => r.Failure is not null) ? 1 : 0;
