using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CareFlows.LoadHarness;

/// <summary>The Markdown report: machine, settings, the measured table and the targets.</summary>
internal static class Report
{
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:0} GB, " +
            $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC";
    }

    /// <summary>The 1, 5 and 15-minute load averages: other work on the machine shows here.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    public static string Write(HarnessOptions options, IReadOnlyList<RunResult> runs, IReadOnlyDictionary<BenchDb, string> durability, DateTime started, string command, string loadBefore)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# CareFlows load harness results");
        Line();
        Line($"Measured {started:yyyy-MM-dd HH:mm} UTC in one run of `{command}`.");
        Line();
        Line($"- Machine: {Machine()}; load average (1, 5, 15 min) {loadBefore} before the run, {LoadAverage()} after it.");
        foreach (var (db, settings) in durability)
        {
            Line($"- {db}: {settings}.");
        }

        var runtimeRuns = runs.Where(r => r.Mode is BenchMode.InProcess or BenchMode.Http).ToList();
        if (runtimeRuns.Count > 0)
        {
            Line($"- Workload: {options.Instances:N0} instances of `bench-wait-for-go` (Start → Event `Go` for the instance's correlation id → WriteLine → End) " +
                $"started by {options.Clients} concurrent clients (closed loop), then resumed by publishing `Go` with each correlation key" +
                (options.IdempotencyKeys ? " and an idempotency key" : "") + $" from {options.Clients} clients; {options.Warmup} unmeasured starts and resumes first. " +
                "Latency is each call's, measured by the client during the resume phase; \"1 client\" resumes " +
                $"{options.LatencySamples:N0} further instances one at a time.");
            Line($"- Timers: {options.Timers:N0} instances of `bench-delay` started with delays that put their due times evenly over the same 10 s, " +
                "starting 5 s later; lateness = the instance's FinishedAt (the resuming burst's time, just before its commit) − the timer bookmark's DueAt.");
            Line($"- Reschedule: {options.Reschedule:N0} open Delay timers (with their instances) inserted while the server is down; " +
                "the time TimerRecovery logs for reading and rescheduling them, and the whole start-up until the server is ready.");
            Line("- In-process: the server's services in the harness process, calling `WorkflowRuntime` (the service the API calls). " +
                "HTTP: the server's Release build as a child process on Kestrel at 127.0.0.1, `POST /api/instances` and `POST /api/events` " +
                "with a bearer token and JSON bodies sent with their length (as a browser sends them), over `HttpClient` (one connection per client); client and server share the machine's cores.");
        }

        Line();
        if (runtimeRuns.Count > 0)
        {
            Line($"| database | mode | clients | starts/s | resumes/s | resume latency p50 / p95 / p99 ms | 1-client resume p50 / p95 / p99 ms | timer lateness p50 / p95 / p99 / max ms | reschedule {options.Reschedule:N0} timers: recovery / start-up s |");
            Line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var run in runtimeRuns)
            {
                Line($"| {Name(run.Db)} | {Name(run.Mode)} | {run.Clients} | {Rate(run.Starts)} | {Rate(run.Resumes)} | {Latency(run.Resumes)} | {Latency(run.SingleClient)} | {Lateness(run.Timers)} | {Reschedule(run.Reschedule)} |");
            }

            Line();
        }

        var inboxRuns = runs.Where(r => r.Inbox is not null).ToList();
        if (inboxRuns.Count > 0)
        {
            Line($"Inbox (HTTP runs, after the scenarios above, on the same server): {options.InboxTasks:N0} open tasks of `bench-inbox-task` over " +
                $"{InboxScenario.Teams} teams (one instance, bookmark, task, queue row and history row each, copied in the database from one started " +
                "through the API); each team has a coordinator, who holds 1 % of the team's tasks (in progress), the rest wait in the team's queue. " +
                $"Each query is read {options.InboxQueries:N0} times by one client, then {options.InboxQueries:N0} times by {options.Clients} clients (closed loop), each request as one of {Math.Min(options.Clients, InboxScenario.Teams)} coordinators, with half as many unmeasured first: " +
                "team = `GET /api/tasks?queue=team&sort=due&pageSize=50` (my team's unclaimed, by due time, first 50, with the total), " +
                "mine = `GET /api/tasks?queue=mine&sort=due&pageSize=50`, counts = `GET /api/tasks/counts`. " +
                $"Then {options.Completions:N0} further tasks (plus up to 1,000 unmeasured first) are started through the API and completed by their team's coordinator with " +
                "`POST /api/tasks/{id}/complete` (outcome and a five-field form: boolean, choice, number, date, multiline), each resuming its instance to its end.");
            Line();
            Line("| database | open tasks | seeding s | clients | team queue p50 / p95 / p99 ms | my tasks p50 / p95 / p99 ms | counts p50 / p95 / p99 ms | reads/s (team, mine, counts) |");
            Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var run in inboxRuns)
            {
                var inbox = run.Inbox!;
                foreach (var (reads, clients) in new[] { (inbox.OneClient, 1), (inbox.Loaded, run.Clients) })
                {
                    Line($"| {Name(run.Db)} | {inbox.OpenTasks.ToString("N0", CultureInfo.InvariantCulture)} | {inbox.Seeding.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} | {clients} | " +
                        $"{Latency(reads.TeamQueue)} | {Latency(reads.MyTasks)} | {Latency(reads.Counts)} | {Rate(reads.TeamQueue)}, {Rate(reads.MyTasks)}, {Rate(reads.Counts)} |");
                }
            }

            Line();
            Line("| database | clients | task starts/s | completions/s | completion p50 / p95 / p99 ms | server CPU per completion | instances finished |");
            Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var run in inboxRuns)
            {
                var inbox = run.Inbox!;
                Line($"| {Name(run.Db)} | {run.Clients} | {Rate(inbox.TaskStarts)} | {Rate(inbox.Completions)} | {Latency(inbox.Completions)} | {ServerCpu(inbox.Completions)} | " +
                    $"{inbox.Finished.ToString("N0", CultureInfo.InvariantCulture)} of {inbox.Completable.ToString("N0", CultureInfo.InvariantCulture)} |");
            }

            Line();
        }

        WriteAdt(options, runs, Line);
        WriteAudit(runs, Line);
        Line("Conditions: other work on the machine shares its two cores and its disk, so each run records how busy the machine was " +
            "(all processes, from /proc/stat), how fast a plain one-row durable commit ran on the run's database just before it (the disk is shared too), " +
            "and the CPU time used per call by the harness process (in-process runs: client and server) and by the server process (HTTP runs).");
        Line();
        Line("| database | mode | load average at start | one-row durable commits/s, 1 client, just before | machine busy, starts / resumes (ADT: HTTP / MLLP; audit: seeding / verify) | harness CPU per start / resume (ADT: per message; audit: per record) | server process CPU per start / resume (ADT: per message) |");
        Line("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            var (first, second) = run.Adt is { } adt ? (adt.Transports[0].Messages, adt.Transports[^1].Messages)
                : run.Audit is { } audit ? (audit.Seeding, audit.Verify)
                : (run.Starts, run.Resumes);
            Line($"| {Name(run.Db)} | {Name(run.Mode)} | {run.LoadAverage} | {run.CommitProbe.ToString("N0", CultureInfo.InvariantCulture)} | {Busy(first)} / {Busy(second)} | {Cpu(first)} / {Cpu(second)} | {ServerCpu(first)} / {ServerCpu(second)} |");
        }

        Line();
        var notes = runs.SelectMany(Problems).ToList();
        if (notes.Count > 0)
        {
            Line("Problems:");
            Line();
            foreach (var note in notes)
            {
                Line($"- {note}");
            }

            Line();
        }

        if (runtimeRuns.Count == 0)
        {
            return text.ToString();
        }

        Line("Targets:");
        Line();
        Line("| database | mode | target | measured | met |");
        Line("| --- | --- | --- | --- | --- |");
        foreach (var run in runtimeRuns)
        {
            var throughput = run.Db == BenchDb.Sqlite ? 2_000 : 1_500;
            Check(run, $"≥ {throughput:N0} starts/s", run.Starts?.PerSecond, v => v >= throughput, "0");
            Check(run, $"≥ {throughput:N0} resumes/s", run.Resumes?.PerSecond, v => v >= throughput, "0");
            Check(run, "timer lateness p95 ≤ 100 ms", run.Timers?.Lateness.P95, v => v <= 100, "0.0");
            Check(run, "timer lateness max ≤ 1,000 ms", run.Timers?.Lateness.Max, v => v <= 1_000, "0.0");
            Check(run, $"reschedule {options.Reschedule:N0} timers ≤ 10 s", run.Reschedule?.Reschedule.TotalSeconds, v => v <= 10, "0.00");
            if (run.Inbox is { } inbox)
            {
                var completions = run.Db == BenchDb.Sqlite ? 2_000 : 1_500;
                foreach (var (reads, clients) in new[] { (inbox.OneClient, 1), (inbox.Loaded, run.Clients) })
                {
                    Check(run, $"my team's unclaimed, first 50, {clients} client(s): p95 ≤ 20 ms", reads.TeamQueue.Latency.P95, v => v <= 20, "0.0");
                    Check(run, $"my tasks, {clients} client(s): p95 ≤ 20 ms", reads.MyTasks.Latency.P95, v => v <= 20, "0.0");
                    Check(run, $"counts per queue, {clients} client(s): p95 ≤ 20 ms", reads.Counts.Latency.P95, v => v <= 20, "0.0");
                }

                Check(run, $"≥ {completions:N0} task completions/s", inbox.Completions.PerSecond, v => v >= completions, "0");
            }
        }

        return text.ToString();

        void Check(RunResult run, string target, double? measured, Func<double, bool> met, string format) =>
            Line($"| {Name(run.Db)} | {Name(run.Mode)} | {target} | {(measured is { } m ? m.ToString(format, CultureInfo.InvariantCulture) : "—")} | {(measured is { } v && met(v) ? "yes" : "**no**")} |");
    }

    private static void WriteAdt(HarnessOptions options, IReadOnlyList<RunResult> runs, Action<string> line)
    {
        var adtRuns = runs.Where(r => r.Adt is not null).ToList();
        if (adtRuns.Count == 0)
        {
            return;
        }

        line($"ADT feed (ADT runs: a server of its own on a fresh database, with the repository's `workflows/` and MLLP on a port it chose): {options.AdtMessages:N0} " +
            "ADT^A03 discharges per transport, each of a patient and visit of their own (PID-3 MRN, PV1-19 visit number), after up to 1,000 unmeasured; " +
            $"HTTP: `POST /api/feeds/adt` (`application/hl7-v2`, `X-Api-Key`) from {options.Clients} clients, one connection each; MLLP: {options.Clients} connections, " +
            "each waiting for a message's ACK before sending the next. Latency is request → ACK. Each must be answered AA and start one `discharge-follow-up` " +
            $"(over HTTP the answer names it); then one in {AdtScenario.DuplicateEvery} of the measured messages is sent again, byte for byte, on the same transport, " +
            "and must be answered AA and start nothing. Afterwards the database must hold exactly one instance and one \"Post-discharge call\" task per distinct discharge.");
        line("");
        line("| database | transport | connections | messages/s | request → ACK p50 / p95 / p99 ms | server CPU per message | answered as expected | sent again: answered AA, started nothing |");
        line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in adtRuns)
        {
            foreach (var t in run.Adt!.Transports)
            {
                line($"| {Name(run.Db)} | {t.Transport} | {t.Connections} | {Rate(t.Messages)} | {Latency(t.Messages)} | {ServerCpu(t.Messages)} | {Passed(t.Messages)} | {Passed(t.Duplicates)} |");
            }
        }

        line("");
        line("| database | distinct discharges sent | `discharge-follow-up` instances | \"Post-discharge call\" tasks | instances with one |");
        line("| --- | ---: | ---: | ---: | ---: |");
        foreach (var run in adtRuns)
        {
            var adt = run.Adt!;
            line($"| {Name(run.Db)} | {N(adt.Sent)} | {N(adt.Instances)} | {N(adt.Calls)} | {N(adt.CalledInstances)} |");
        }

        line("");

        static string Passed(PhaseResult phase) => $"{N(phase.Count - phase.Errors)} of {N(phase.Count)}";

        static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static void WriteAudit(IReadOnlyList<RunResult> runs, Action<string> line)
    {
        var auditRuns = runs.Where(r => r.Audit is not null).ToList();
        if (auditRuns.Count == 0)
        {
            return;
        }

        var first = auditRuns[0].Audit!;
        line($"Audit chain (audit runs: a fresh database of its own): {first.Records:N0} audit records as the server writes them, one a second — inbox searches with " +
            "the 10–25 patients they showed, task and timeline reads, task claims, completions and releases with the task's state before and after, " +
            "instance starts and resumes, feed events, refused requests, break-the-glass reads — chained by the server's `AuditChain` and written by the " +
            "provider's bulk path (PostgreSQL: one binary COPY; SQLite: one transaction, one prepared insert; the log's secondary indexes dropped first and " +
            "made again from their definitions after), with a signed checkpoint every 15 minutes of the records' time as the checkpoint writer makes them; " +
            "then SQLite's write-ahead log is checkpointed or PostgreSQL vacuumed and analyzed, as each does soon after such a load. Seeding is timed apart. " +
            "Verify is `CareFlows.Server audit verify` (`AuditCommand` on the server's services, not started; the `AuditVerifier` that " +
            "`GET /api/audit/verify` also runs), which must answer intact with every record replayed. Memory is this process's, after a full collection just before " +
            "and at its peak (sampled every 20 ms): private = anonymous memory (heaps, stacks), working set = that and the mapped files (SQLite maps " +
            "its database file, up to 2 GB, so its pages read show here too); with the managed heap's peak and the bytes allocated during the verify.");
        line("");
        line("| database | records | checkpoints | log on disk | seeding s | seeded/s | verify s | verified/s | CPU per record | private MB before → peak | working set MB before → peak | managed heap peak MB | allocated per record | GCs gen 0 / 1 / 2 |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in auditRuns)
        {
            var a = run.Audit!;
            var m = a.Memory;
            line($"| {Name(run.Db)} | {N(a.Records)} | {N(a.Checkpoints)} | {Mb(a.TableBytes)} MB | {S(a.Seeding)} | {Rate(a.Seeding)} | {S(a.Verify)} | {Rate(a.Verify)} | {Cpu(a.Verify)} | " +
                $"{Mb(m.StartPrivate)} → {Mb(m.PeakPrivate)} | {Mb(m.StartWorkingSet)} → {Mb(m.PeakWorkingSet)} | {Mb(m.PeakManagedHeap)} | {N(m.Allocated / a.Records)} B | {m.Collections} |");
        }

        line("");

        static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        static string S(PhaseResult phase) => phase.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

        static string Mb(long bytes) => N(bytes / (1024 * 1024));
    }

    private static IEnumerable<string> Problems(RunResult run)
    {
        var where = $"{Name(run.Db)} {Name(run.Mode)}";
        if (run.Failure is { } failure)
        {
            yield return $"{where}: the run failed: {failure}";
        }

        foreach (var (phase, name) in new[] { (run.Starts, "starts"), (run.Resumes, "resumes"), (run.SingleClient, "1-client resumes") })
        {
            if (phase is { Errors: > 0 })
            {
                yield return $"{where}: {phase.Errors} {name} failed (first: {phase.FirstError})";
            }
        }

        if (run.Resumes is { } resumes && run.ResumesFinished != resumes.Count)
        {
            yield return $"{where}: {run.ResumesFinished} of {resumes.Count} instances finished after the resume phase";
        }

        if (run.Timers?.Problem is { } timers)
        {
            yield return $"{where}: timers: {timers}";
        }

        if (run.Inbox is { } inbox)
        {
            foreach (var (phase, name) in inbox.OneClient.All.Concat(inbox.Loaded.All).Append((inbox.TaskStarts, "task starts")).Append((inbox.Completions, "completions")))
            {
                if (phase.Errors > 0)
                {
                    yield return $"{where}: {phase.Errors} {name} failed (first: {phase.FirstError})";
                }
            }

            if (inbox.Finished != inbox.Completable)
            {
                yield return $"{where}: {inbox.Finished} of {inbox.Completable} instances finished after their tasks were completed";
            }
        }

        if (run.Reschedule is { } r && r.Rescheduled < r.Inserted)
        {
            yield return $"{where}: only {r.Rescheduled} of {r.Inserted} timers rescheduled";
        }
    }

    private static string Busy(PhaseResult? phase) => phase is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{phase.MachineBusy * 100:0} %");

    private static string Cpu(PhaseResult? phase) => phase is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{phase.HarnessCpu.TotalMilliseconds * 1000 / phase.Count:0} µs");

    private static string ServerCpu(PhaseResult? phase) => phase is null || phase.ServerCpu == TimeSpan.Zero ? "—" :
        string.Create(CultureInfo.InvariantCulture, $"{phase.ServerCpu.TotalMilliseconds * 1000 / phase.Count:0} µs");

    private static string Name(BenchDb db) => db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL";

    private static string Name(BenchMode mode) => mode switch
    {
        BenchMode.Http => "HTTP",
        BenchMode.Adt => "ADT",
        BenchMode.Audit => "audit",
        _ => "in-process",
    };

    private static string Rate(PhaseResult? phase) => phase is null ? "—" : phase.PerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Latency(PhaseResult? phase) => phase is null ? "—" : F(phase.Latency.P50, phase.Latency.P95, phase.Latency.P99);

    private static string Lateness(TimerResult? timers) => timers is null ? "—" : F(timers.Lateness.P50, timers.Lateness.P95, timers.Lateness.P99, timers.Lateness.Max);

    private static string Reschedule(RescheduleResult? r) => r is null ? "—" :
        string.Create(CultureInfo.InvariantCulture, $"{r.Reschedule.TotalSeconds:0.00} / {r.Startup.TotalSeconds:0.00}");

    private static string F(params double[] values) => string.Join(" / ", values.Select(v => v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture)));
}
