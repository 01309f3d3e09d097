using System.Diagnostics;
using System.Globalization;

namespace CareFlows.LoadHarness;

/// <summary>Runs every scenario for one database and one mode, on a database of its own.</summary>
internal sealed class BenchRunner(HarnessOptions options, string serverDll)
{
    public const string WaitDefinition = "bench-wait-for-go";
    public const string DelayDefinition = "bench-delay";
    public const string EventName = "Go";

    private static readonly TimeSpan TimerLead = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TimerWindow = TimeSpan.FromSeconds(10);

    private string ServerFolder => Path.GetDirectoryName(serverDll)!;

    public async Task<RunResult> RunAsync(BenchDatabase database, BenchDb db, BenchMode mode)
    {
        var tag = $"{db}-{mode}".ToLowerInvariant();
        var clients = options.Clients;
        PhaseResult? starts = null, resumes = null, single = null;
        TimerResult? timers = null;
        RescheduleResult? reschedule = null;
        InboxResult? inbox = null;
        var finished = 0;
        string? template = null;
        if (options.QuietWait > TimeSpan.Zero)
        {
            Say("waiting for the machine to be quiet (other work under 15 % of the CPUs for 5 s)");
            Say(await MachineLoad.WaitForQuietAsync(options.QuietWait, 0.15) ? "quiet" : $"still busy after {options.QuietWait.TotalSeconds:0} s; measuring anyway");
        }

        var loadAverage = Report.LoadAverage();
        var probe = await database.CommitProbeAsync();
        Say($"plain one-row durable commits, one client: {probe:0}/s");
        if (mode == BenchMode.Adt)
        {
            return await RunAdtAsync(database, new RunResult(loadAverage, probe, db, mode, clients, null, null, 0, null, null, null, null, Failure: null));
        }

        if (mode == BenchMode.Audit)
        {
            return await RunAuditAsync(database, new RunResult(loadAverage, probe, db, mode, 1, null, null, 0, null, null, null, null, Failure: null));
        }

        try
        {
            await using (var server = await StartServerAsync(database, mode))
            {
                Say($"server ready in {server.StartupTime.TotalSeconds:0.0} s; load average {Report.LoadAverage()}");
                using var target = await server.ConnectAsync(clients);
                if (options.Warmup > 0)
                {
                    await PhaseResult.RunAsync(options.Warmup, clients, i => target.StartAsync(WaitDefinition, $"{tag}-w{i}", null));
                    await PhaseResult.RunAsync(options.Warmup, clients, i => target.PublishAsync(EventName, $"{tag}-w{i}", IdempotencyKey($"{tag}-w{i}")));
                    Say($"warmed up with {options.Warmup} starts and {options.Warmup} resumes");
                }

                starts = await MeasureAsync(server, () => PhaseResult.RunAsync(options.Instances, clients, i => target.StartAsync(WaitDefinition, $"{tag}-{i}", null)));
                Say($"starts: {Describe(starts)}");
                resumes = await MeasureAsync(server, () => PhaseResult.RunAsync(options.Instances, clients, i => target.PublishAsync(EventName, $"{tag}-{i}", IdempotencyKey($"{tag}-{i}"))));
                Say($"resumes: {Describe(resumes)}");
                finished = (int)await database.ScalarAsync(
                    """SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId"=@p0 AND "SubStatus"='Finished' AND "CorrelationId" NOT LIKE @p1""",
                    WaitDefinition, $"{tag}-w%");
                Say($"instances finished by the resumes: {finished} of {options.Instances}");

                if (options.LatencySamples > 0)
                {
                    await PhaseResult.RunAsync(options.LatencySamples, clients, i => target.StartAsync(WaitDefinition, $"{tag}-s{i}", null));
                    single = await MeasureAsync(server, () => PhaseResult.RunAsync(options.LatencySamples, 1, i => target.PublishAsync(EventName, $"{tag}-s{i}", IdempotencyKey($"{tag}-s{i}"))));
                    Say($"resumes, one client: {Describe(single)}");
                }

                if (options.Timers > 0)
                {
                    timers = await RunTimersAsync(database, target, tag);
                    Say($"timers: {timers.Finished}/{timers.Count} fired, lateness ms p50 {timers.Lateness.P50:0.0} p95 {timers.Lateness.P95:0.0} p99 {timers.Lateness.P99:0.0} max {timers.Lateness.Max:0.0}");
                }

                if (options.InboxTasks > 0 && server is ChildProcessServer child)
                {
                    inbox = await new InboxScenario(options, database, child).RunAsync();
                }

                if (options.Reschedule > 0)
                {
                    template = $"{tag}-template";
                    await target.StartAsync(DelayDefinition, template, new Dictionary<string, object?> { ["delay"] = "02:00:00" });
                }
            }

            if (template is not null)
            {
                reschedule = await RunRescheduleAsync(database, mode, template);
                Say($"reschedule: {reschedule.Rescheduled} timers in {reschedule.Reschedule.TotalSeconds:0.00} s, server ready in {reschedule.Startup.TotalSeconds:0.00} s");
            }

            return new RunResult(loadAverage, probe, db, mode, clients, starts, resumes, finished, single, timers, reschedule, inbox, Failure: null);
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{db} {mode} failed: {e}");
            return new RunResult(loadAverage, probe, db, mode, clients, starts, resumes, finished, single, timers, reschedule, inbox, e.Message);
        }
    }

    /// <summary>The ADT feed on a server of its own, with the repository's pathways and MLLP; any problem fails the run.</summary>
    private async Task<RunResult> RunAdtAsync(BenchDatabase database, RunResult run)
    {
        try
        {
            await using var server = await ChildProcessServer.StartAsync(database, serverDll, options.ServerLog, AdtScenario.ServerOverrides(Shell.RepositoryRoot()));
            Say($"server ready in {server.StartupTime.TotalSeconds:0.0} s; load average {Report.LoadAverage()}");
            var adt = await new AdtScenario(options, database, server).RunAsync();
            var problems = adt.Problems().ToList();
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"{run.Db} ADT: {problem}");
            }

            return run with { Adt = adt, Failure = problems.Count > 0 ? string.Join("; ", problems) : null };
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{run.Db} {run.Mode} failed: {e}");
            return run with { Failure = e.Message };
        }
    }

    /// <summary>The audit chain's verification over a seeded log; a chain found broken fails the run.</summary>
    private async Task<RunResult> RunAuditAsync(BenchDatabase database, RunResult run)
    {
        try
        {
            var audit = await new AuditVerifyScenario(options.AuditRecords, ServerFolder).RunAsync(database);
            return run with { Audit = audit, Failure = audit.Problem };
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{run.Db} {run.Mode} failed: {e}");
            return run with { Failure = e.Message };
        }
    }

    private async Task<IServerUnderTest> StartServerAsync(BenchDatabase database, BenchMode mode) => mode == BenchMode.Http
        ? await ChildProcessServer.StartAsync(database, serverDll, options.ServerLog)
        : await InProcessServer.StartAsync(database, ServerFolder);

    public static async Task<PhaseResult> MeasureAsync(IServerUnderTest server, Func<Task<PhaseResult>> phase)
    {
        var before = server.ProcessorTime;
        var result = await phase();
        return result with { ServerCpu = server.ProcessorTime - before };
    }

    private string? IdempotencyKey(string correlationKey) => options.IdempotencyKeys ? correlationKey + "-go" : null;

    /// <summary>
    /// Starts the Delay instances so that their due times spread evenly over the same ten seconds, five seconds from
    /// now; reads each timer's due time while it is still open, waits for all to fire, and compares.
    /// </summary>
    private async Task<TimerResult> RunTimersAsync(BenchDatabase database, ILoadTarget target, string tag)
    {
        var count = options.Timers;
        var first = DateTime.UtcNow + TimerLead;
        var phase = await PhaseResult.RunAsync(count, options.Clients, i =>
        {
            var due = first + (TimerWindow * i / count);
            var delay = due - DateTime.UtcNow;
            return target.StartAsync(DelayDefinition, $"{tag}-t{i}", new Dictionary<string, object?>
            {
                ["delay"] = (delay < TimeSpan.Zero ? TimeSpan.Zero : delay).ToString("c", CultureInfo.InvariantCulture),
            });
        });
        if (phase.Errors > 0)
        {
            return new TimerResult(count, 0, phase.Elapsed, Percentiles.Of([]), $"{phase.Errors} starts failed: {phase.FirstError}");
        }

        var dueTimes = (await database.TimesAsync(
                """SELECT b."InstanceId", b."DueAt" FROM "Bookmarks" b JOIN "WorkflowInstances" i ON i."Id"=b."InstanceId" WHERE i."DefinitionId"=@p0 AND b."Kind"='Timer'""",
                DelayDefinition))
            .ToDictionary(r => r.Id, r => r.When, StringComparer.Ordinal);
        var deadline = first + TimerWindow + TimeSpan.FromSeconds(60);
        long done;
        while ((done = await database.ScalarAsync("""SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId"=@p0 AND "FinishedAt" IS NOT NULL""", DelayDefinition)) < count
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var finishedAt = await database.TimesAsync("""SELECT "Id", "FinishedAt" FROM "WorkflowInstances" WHERE "DefinitionId"=@p0 AND "FinishedAt" IS NOT NULL""", DelayDefinition);
        var lateness = finishedAt
            .Where(f => dueTimes.ContainsKey(f.Id))
            .Select(f => (f.When - dueTimes[f.Id]).TotalMilliseconds)
            .ToList();
        string? problem = null;
        if (dueTimes.Count != count)
        {
            problem = $"only {dueTimes.Count} of {count} timers were still open after the starts";
        }
        else if (done < count)
        {
            problem = $"only {done} of {count} timers fired within a minute of the window";
        }

        return new TimerResult(count, (int)done, phase.Elapsed, Percentiles.Of(lateness), problem);
    }

    /// <summary>Copies the template's open timer into as many instances as asked, then times a fresh server's start-up.</summary>
    private async Task<RescheduleResult> RunRescheduleAsync(BenchDatabase database, BenchMode mode, string template)
    {
        var ids = await database.TimesAsync(
            """SELECT b."Id", b."DueAt" FROM "Bookmarks" b JOIN "WorkflowInstances" i ON i."Id"=b."InstanceId" WHERE i."CorrelationId"=@p0""", template);
        var instanceId = (await database.TimesAsync("""SELECT "Id", "CreatedAt" FROM "WorkflowInstances" WHERE "CorrelationId"=@p0""", template)).Single().Id;
        var bookmarkId = ids.Single().Id;
        var watch = Stopwatch.StartNew();
        await database.CloneTimerAsync(instanceId, bookmarkId, options.Reschedule);
        var open = await database.ScalarAsync("""SELECT COUNT(*) FROM "Bookmarks" WHERE "Kind"='Timer'""");
        Say($"inserted {options.Reschedule} open timers in {watch.Elapsed.TotalSeconds:0.0} s ({open} open in all)");

        await using var server = await StartServerAsync(database, mode);
        var (count, milliseconds) = server.Rescheduled ?? throw new InvalidOperationException("The server did not log how many timers it rescheduled.");
        return new RescheduleResult(options.Reschedule, count, TimeSpan.FromMilliseconds(milliseconds), server.StartupTime);
    }

    public static string Describe(PhaseResult phase) =>
        $"{phase.Count} in {phase.Elapsed.TotalSeconds:0.00} s = {phase.PerSecond:0}/s, latency ms p50 {phase.Latency.P50:0.0} p95 {phase.Latency.P95:0.0} p99 {phase.Latency.P99:0.0} max {phase.Latency.Max:0.0}, " +
        $"machine {phase.MachineBusy * 100:0} % busy, CPU per call: harness {phase.HarnessCpu.TotalMilliseconds * 1000 / phase.Count:0} µs, server process {phase.ServerCpu.TotalMilliseconds * 1000 / phase.Count:0} µs"
        + (phase.Errors > 0 ? $", {phase.Errors} errors (first: {phase.FirstError})" : "");

    public static void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
