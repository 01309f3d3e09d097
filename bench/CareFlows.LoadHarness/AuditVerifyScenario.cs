using System.Diagnostics;
using System.Globalization;
using CareFlows.Server;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareFlows.LoadHarness;

/// <summary>
/// The audit chain's replay over a long log: seeds a fresh database with records chained by the server's own
/// <see cref="AuditChain"/> and signed checkpoints, then runs <c>audit verify</c> as the server's command line does
/// (<see cref="AuditCommand"/> on the server's services, the same <see cref="AuditVerifier"/> the API endpoint calls)
/// and times it, with the memory it took.
/// </summary>
internal sealed class AuditVerifyScenario(int records, string serverFolder)
{
    /// <summary>Records chained and written per batch while seeding: enough to keep the bulk path busy, few enough to keep memory flat.</summary>
    private const int SeedBatch = 10_000;

    public async Task<AuditVerifyResult> RunAsync(BenchDatabase database)
    {
        using var host = BuildServer(database);
        await DatabaseInitializer.MigrateAsync(host.Services);
        var key = host.Services.GetRequiredService<AuditCheckpointKey>();
        var interval = host.Services.GetRequiredService<AuditOptions>().CheckpointInterval;

        var chain = new SeededAuditChain(key, interval);
        var seeding = await TimedAsync(records, async () =>
        {
            await using var seeder = await AuditSeeder.OpenAsync(database);
            // The next batch is made and chained on another thread while this one is written.
            Task<List<AuditRecord>>? next = Task.Run(() => chain.Next(Math.Min(SeedBatch, records)));
            for (var made = 0; next is not null;)
            {
                var batch = await next;
                made += batch.Count;
                var count = Math.Min(SeedBatch, records - made);
                next = count > 0 ? Task.Run(() => chain.Next(count)) : null;
                await seeder.WriteAsync(batch);
            }

            chain.Close();
            await seeder.FinishAsync(chain.End.Sequence, chain.End.Hash, chain.Checkpoints);
            await database.SettleAfterBulkLoadAsync();
        });
        var size = await database.AuditRecordsBytesAsync();
        BenchRunner.Say($"audit: {records:N0} records and {chain.Checkpoints.Count:N0} checkpoints seeded in {seeding.Elapsed.TotalSeconds:0.0} s ({seeding.PerSecond:N0}/s), " +
            $"{size / (1024.0 * 1024):N0} MB on disk");

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = 0;
        await using var memory = new MemorySampler();
        var verify = await TimedAsync(records, async () => exitCode = await AuditCommand.RunAsync(host.Services, output, CancellationToken.None));
        var usage = await memory.StopAsync();
        var said = output.ToString().Trim();
        BenchRunner.Say($"audit verify: {said}");
        BenchRunner.Say($"audit verify: {records:N0} records in {verify.Elapsed.TotalSeconds:0.00} s = {verify.PerSecond:N0}/s, CPU {verify.HarnessCpu.TotalSeconds:0.0} s; " +
            $"private memory {Mb(usage.StartPrivate)} → peak {Mb(usage.PeakPrivate)} MB, working set {Mb(usage.StartWorkingSet)} → peak {Mb(usage.PeakWorkingSet)} MB, " +
            $"managed heap peak {Mb(usage.PeakManagedHeap)} MB, allocated {Mb(usage.Allocated)} MB ({usage.Allocated / (double)records:N0} B per record), GCs {usage.Collections}");
        var problem = exitCode != 0 ? $"audit verify exited with {exitCode}: {said}"
            : !said.Contains($"intact: {records} records", StringComparison.Ordinal) ? $"audit verify did not replay {records} records: {said}"
            : null;
        return new AuditVerifyResult(records, chain.Checkpoints.Count, size, seeding, verify, usage, said, problem);
    }

    /// <summary>The server's services on the bench database, as Program.cs registers them, not started; the checkpoint key in the configuration.</summary>
    private IHost BuildServer(BenchDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = serverFolder,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        var settings = ServerSettings.For(database);
        // Migrating a fresh database logs the failed read of its not yet made history table; a failure of the verify throws.
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None";
        settings[$"{AuditOptions.Section}:{nameof(AuditOptions.CheckpointKey)}"] = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCareFlowsServer(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    private static async Task<PhaseResult> TimedAsync(int count, Func<Task> work)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var machine = MachineLoad.Sample();
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        self.Refresh();
        return new PhaseResult(count, watch.Elapsed, Percentiles.Of([]), 0, null, MachineLoad.Busy(machine, MachineLoad.Sample()), self.TotalProcessorTime - cpu);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The audit scenario: what was seeded and how long it took, and the verification's time and memory.</summary>
internal sealed record AuditVerifyResult(
    int Records,
    int Checkpoints,
    long TableBytes,
    PhaseResult Seeding,
    PhaseResult Verify,
    MemoryUse Memory,
    string Said,
    string? Problem);
