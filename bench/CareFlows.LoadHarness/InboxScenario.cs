using System.Diagnostics;
using System.Net.Http.Headers;

namespace CareFlows.LoadHarness;

/// <summary>
/// The coordinators' inbox under a full database: a million open tasks over a hundred teams, read the way the inbox
/// reads them, then tasks completed with a five-field form, all through the HTTP API as coordinators use it.
/// </summary>
internal sealed class InboxScenario(HarnessOptions options, BenchDatabase database, ChildProcessServer server)
{
    public const string TaskDefinition = "bench-inbox-task";
    public const int Teams = 100;

    private const string Password = "CareFlows-Bench-1";
    private const string TemplateCorrelation = "inbox-template";

    private static readonly string[] CoordinatorRole = ["Coordinator"];
    private static readonly Uri TeamQueue = new("/api/tasks?queue=team&sort=due&pageSize=50", UriKind.Relative);
    private static readonly Uri MyTasks = new("/api/tasks?queue=mine&sort=due&pageSize=50", UriKind.Relative);
    private static readonly Uri Counts = new("/api/tasks/counts", UriKind.Relative);

    public async Task<InboxResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), UseCookies = false };
        using var admin = new HttpClient(handler, disposeHandler: false) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        await HttpTarget.SignInAsync(admin);

        var watch = Stopwatch.StartNew();
        await PhaseResult.RunAsync(Teams, options.Clients, i => CreateTeamAndCoordinatorAsync(admin, i));
        BenchRunner.Say($"inbox: {Teams} teams with a coordinator each in {watch.Elapsed.TotalSeconds:0.0} s");

        await StartTaskAsync(admin, TemplateCorrelation, 0);
        watch.Restart();
        var templateId = (await database.TimesAsync("""SELECT "Id", "CreatedAt" FROM "WorkflowInstances" WHERE "CorrelationId"=@p0""", TemplateCorrelation)).Single().Id;
        await database.CloneTasksAsync(templateId, options.InboxTasks - 1, Teams);
        var open = await database.ScalarAsync("""SELECT COUNT(*) FROM "InboxTasks" WHERE "Status" IN ('ready','in-progress')""");
        var seedTime = watch.Elapsed;
        BenchRunner.Say($"inbox: {open:N0} open tasks in the database after {seedTime.TotalSeconds:0} s of seeding");

        // Coordinators of the first teams, one per client: each reads their own queues and completes their team's tasks.
        var coordinators = new string[Math.Min(options.Clients, Teams)];
        var tokenOfTeam = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < coordinators.Length; i++)
        {
            coordinators[i] = tokenOfTeam[Team(i)] = await HttpTarget.TokenAsync(admin, Coordinator(i), Password);
        }

        Task Read(Uri uri, int i) => GetAsync(admin, uri, coordinators[i % coordinators.Length]);

        // Each query as one coordinator opening their inbox sees it (one request at a time), then under load from all clients at once.
        var single = new Dictionary<string, PhaseResult>();
        var loaded = new Dictionary<string, PhaseResult>();
        foreach (var (name, uri) in new[] { ("team", TeamQueue), ("mine", MyTasks), ("counts", Counts) })
        {
            await PhaseResult.RunAsync(options.InboxQueries / 2, options.Clients, i => Read(uri, i));
            single[name] = await BenchRunner.MeasureAsync(server, () => PhaseResult.RunAsync(options.InboxQueries, 1, i => Read(uri, i)));
            BenchRunner.Say($"inbox query {name}, 1 client: {BenchRunner.Describe(single[name])}");
            loaded[name] = await BenchRunner.MeasureAsync(server, () => PhaseResult.RunAsync(options.InboxQueries, options.Clients, i => Read(uri, i)));
            BenchRunner.Say($"inbox query {name}, {options.Clients} clients: {BenchRunner.Describe(loaded[name])}");
        }

        var warmup = Math.Min(options.Completions, 1_000);
        var starts = await BenchRunner.MeasureAsync(server, () => PhaseResult.RunAsync(options.Completions + warmup, options.Clients, i => StartTaskAsync(admin, $"inbox-c-{i}", i % coordinators.Length)));
        BenchRunner.Say($"inbox task starts: {BenchRunner.Describe(starts)}");
        var tasks = await database.TasksToCompleteAsync("inbox-c-%");
        Task Complete(int i) => CompleteAsync(admin, tasks[i].Id, tokenOfTeam[tasks[i].Team]);
        await PhaseResult.RunAsync(warmup, options.Clients, Complete);
        var completions = await BenchRunner.MeasureAsync(server, () => PhaseResult.RunAsync(tasks.Count - warmup, options.Clients, i => Complete(warmup + i)));
        BenchRunner.Say($"inbox completions: {BenchRunner.Describe(completions)}");
        var finished = await database.ScalarAsync(
            """SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId"=@p0 AND "SubStatus"='Finished' AND "CorrelationId" LIKE 'inbox-c-%'""", TaskDefinition);
        return new InboxResult(open, seedTime, new InboxQueries(single["team"], single["mine"], single["counts"]), new InboxQueries(loaded["team"], loaded["mine"], loaded["counts"]),
            starts, completions, (int)finished, tasks.Count);
    }

    public static string Coordinator(int team) => $"bench-coordinator-{team:000}@careflows.local";

    public static string Team(int team) => $"bench-team-{team:000}";

    private static async Task CreateTeamAndCoordinatorAsync(HttpClient admin, int team)
    {
        using var created = await HttpTarget.PostJsonAsync(admin, new Uri("/api/admin/teams", UriKind.Relative), new { id = Team(team), name = $"Bench team {team:000}" });
        await HttpTarget.RequireSuccessAsync(created, "create team");
        using var user = await HttpTarget.PostJsonAsync(admin, new Uri("/api/admin/users", UriKind.Relative), new
        {
            email = Coordinator(team),
            displayName = $"Bench coordinator {team:000}",
            password = Password,
            roles = CoordinatorRole,
            teams = new[] { Team(team) },
        });
        await HttpTarget.RequireSuccessAsync(user, "create coordinator");
    }

    private static async Task StartTaskAsync(HttpClient admin, string correlationId, int team)
    {
        using var response = await HttpTarget.PostJsonAsync(admin, new Uri("/api/instances", UriKind.Relative), new
        {
            definitionId = TaskDefinition,
            correlationId,
            input = new { team = Team(team), patientId = $"Patient/{correlationId}", patientName = $"Patient {correlationId}", mrn = $"MRN-{correlationId}", priority = "urgent" },
        });
        await HttpTarget.RequireSuccessAsync(response, "start");
    }

    private static async Task GetAsync(HttpClient client, Uri uri, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        await HttpTarget.RequireSuccessAsync(response, uri.ToString());
    }

    private static async Task CompleteAsync(HttpClient client, string taskId, string token)
    {
        using var response = await HttpTarget.PostJsonAsync(client, new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new
        {
            outcome = "Reached",
            data = new { reached = true, channel = "phone", painScore = 3, visitDate = "2026-12-03", notes = "Medications reviewed; follow-up visit booked." },
        }, token);
        await HttpTarget.RequireSuccessAsync(response, "complete");
    }
}

/// <summary>The three inbox reads, measured the same way.</summary>
/// <param name="TeamQueue">"My team's unclaimed, by due time, first 50".</param>
/// <param name="MyTasks">"My tasks", first 50 by due time.</param>
/// <param name="Counts">Counts per queue.</param>
internal sealed record InboxQueries(PhaseResult TeamQueue, PhaseResult MyTasks, PhaseResult Counts)
{
    public IEnumerable<(PhaseResult Phase, string Name)> All => [(TeamQueue, "team queue"), (MyTasks, "my tasks"), (Counts, "counts")];
}

/// <summary>What the inbox scenario measured.</summary>
/// <param name="OpenTasks">Open tasks in the database while the queries ran.</param>
/// <param name="Seeding">How long copying the tasks into the database took.</param>
/// <param name="OneClient">The reads one request at a time.</param>
/// <param name="Loaded">The reads from every client at once.</param>
/// <param name="TaskStarts">Instances started, each putting one task in a team's queue.</param>
/// <param name="Completions">Tasks completed with a five-field form (measured; a warm-up before it is not).</param>
/// <param name="Finished">Instances the completions finished, warm-up included.</param>
/// <param name="Completable">Tasks started to be completed, warm-up included.</param>
internal sealed record InboxResult(
    long OpenTasks,
    TimeSpan Seeding,
    InboxQueries OneClient,
    InboxQueries Loaded,
    PhaseResult TaskStarts,
    PhaseResult Completions,
    int Finished,
    int Completable);
