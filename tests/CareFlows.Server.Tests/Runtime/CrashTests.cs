using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>
/// The server process is killed with SIGKILL while bursts are being committed. A new process on the same database
/// must have lost nothing it acknowledged, must run what was interrupted, and must never run a step twice.
/// </summary>
public abstract class CrashTests(DatabaseProvider provider)
{
    private const int Waiting = 100;
    private const int Delayed = 20;

    [Fact]
    public async Task A_server_killed_mid_burst_loses_no_instance_and_runs_no_step_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledgedStarts = new ConcurrentDictionary<string, string>();
        var acknowledgedEvents = new ConcurrentBag<int>();

        await using (var first = await ServerProcess.StartAsync(provider, database.ConnectionString, cancellation))
        {
            using var client = await first.ClientAsync(cancellation);
            await Parallel.ForEachAsync(Enumerable.Range(0, Waiting), cancellation, async (i, ct) =>
                acknowledgedStarts[$"{run}-{i}"] = await StartAsync(client, "test-wait-for-event", $"{run}-{i}", null, ct) ?? throw new InvalidOperationException("start refused"));
            await Parallel.ForEachAsync(Enumerable.Range(0, Delayed), cancellation, async (i, ct) =>
                acknowledgedStarts[$"{run}-delay-{i}"] = await StartAsync(client, "test-delay", $"{run}-delay-{i}", "00:00:03", ct) ?? throw new InvalidOperationException("start refused"));

            // Events and further starts pour in from eight clients; the process dies in the middle of them.
            using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var answered = 0;
            var work = Enumerable.Range(0, Waiting).Select(i => (Event: true, Index: i))
                .Concat(Enumerable.Range(0, 400).Select(i => (Event: false, Index: i)));
            var pouring = Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = load.Token }, async (item, ct) =>
            {
                try
                {
                    if (item.Event && await PublishAsync(client, $"{run}-{item.Index}", $"{run}-event-{item.Index}", ct))
                    {
                        acknowledgedEvents.Add(item.Index);
                    }
                    else if (!item.Event && await StartAsync(client, "test-wait-for-event", $"{run}-extra-{item.Index}", null, ct) is { } id)
                    {
                        acknowledgedStarts[$"{run}-extra-{item.Index}"] = id;
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    // The process is gone: whatever it had not answered may or may not have committed.
                }
            });
            while (Volatile.Read(ref answered) < 60)
            {
                await Task.Delay(5, cancellation);
            }

            first.Kill();
            await load.CancelAsync();
            await pouring.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        Assert.InRange(acknowledgedEvents.Count, 1, Waiting - 1);

        await using var second = await ServerProcess.StartAsync(provider, database.ConnectionString, cancellation);
        using var again = await second.ClientAsync(cancellation);
        await using var db = DesignTimeContexts.Create(provider, database.ConnectionString);

        // Nothing acknowledged was lost: every start exists, every acknowledged event was applied.
        var stored = await db.Instances.AsNoTracking().Where(i => i.CorrelationId!.StartsWith(run)).ToDictionaryAsync(i => i.Id, cancellation);
        Assert.All(acknowledgedStarts.Values, id => Assert.True(stored.ContainsKey(id), $"Acknowledged instance {id} is missing."));
        Assert.All(acknowledgedEvents, i => Assert.Equal("Finished", stored[acknowledgedStarts[$"{run}-{i}"]].SubStatus));

        // Delivering every event again applies only those that had not committed.
        foreach (var i in Enumerable.Range(0, Waiting))
        {
            Assert.True(await PublishAsync(again, $"{run}-{i}", $"{run}-event-{i}", cancellation));
        }

        await WaitUntilAsync(db, run, cancellation);

        // No step ran twice: each instance's journal is one unbroken sequence with its decisive step once.
        var journal = await db.Journal.AsNoTracking()
            .Where(j => db.Instances.Any(i => i.Id == j.InstanceId && i.CorrelationId!.StartsWith(run)))
            .ToListAsync(cancellation);
        foreach (var (correlationId, id) in acknowledgedStarts.Where(s => !s.Key.Contains("extra", StringComparison.Ordinal)))
        {
            var entries = journal.Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
            var decisive = correlationId.Contains("delay", StringComparison.Ordinal) ? "after" : "decided";
            Assert.Single(entries, e => e.ActivityId == decisive && e.EventName == "Log");
        }
    }

    private static async Task<string?> StartAsync(HttpClient client, string definitionId, string correlationId, string? delay, CancellationToken cancellationToken)
    {
        var input = delay is null ? null : new JsonObject { ["delay"] = delay };
        using var response = await client.PostAsJsonAsync("/api/instances", new { definitionId, correlationId, input }, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!.GetValue<string>()
            : null;
    }

    private static async Task<bool> PublishAsync(HttpClient client, string correlationKey, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey, idempotencyKey }, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    // Every event-driven instance of the run and every delay finishes once the second process has caught up.
    private static async Task WaitUntilAsync(CareFlowsDbContext db, string run, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var open = await db.Instances.AsNoTracking()
                .CountAsync(i => i.CorrelationId!.StartsWith(run) && !i.CorrelationId.Contains("extra") && i.SubStatus != "Finished", cancellationToken);
            if (open == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{open} instances have not finished 30 s after the restart.");
            await Task.Delay(100, cancellationToken);
        }
    }
}

public sealed class SqliteCrashTests() : CrashTests(DatabaseProvider.Sqlite);

public sealed class PostgresCrashTests() : CrashTests(DatabaseProvider.Postgres);
