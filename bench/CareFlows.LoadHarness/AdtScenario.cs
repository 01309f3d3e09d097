namespace CareFlows.LoadHarness;

/// <summary>
/// The hospital's ADT feed under load: ADT^A03 discharges, each for a new patient and visit, sent over HTTP by
/// concurrent clients and over MLLP on as many connections, each of which waits for its ACK before it sends the next,
/// as MLLP senders do. Every discharge must be answered AA and start one discharge follow-up with its post-discharge
/// call; a sample sent again must be answered AA and start nothing. The database is counted afterwards.
/// </summary>
internal sealed class AdtScenario(HarnessOptions options, BenchDatabase database, ChildProcessServer server)
{
    public const string Definition = "discharge-follow-up";

    /// <summary>One message in this many is sent again after the measured phase.</summary>
    public const int DuplicateEvery = 100;

    private const string MllpListenerCategory = "CareFlows.Server.Features.Feeds.Hl7.MllpListener";

    /// <summary>
    /// What the server needs for the scenario over the harness's settings: the repository's pathways (the harness's
    /// own folder holds only the bench definitions) and no demo pathways, and MLLP on a port the system chooses,
    /// logged so that the harness can read which.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ServerOverrides(string repositoryRoot) => new Dictionary<string, string?>
    {
        ["Workflows:Path"] = Path.Combine(repositoryRoot, "workflows"),
        // The checks count every follow-up in the database: the demo's discharges would be counted with the harness's.
        ["Demo:SeedPathways"] = "false",
        ["Feeds:Mllp:Enabled"] = "true",
        ["Feeds:Mllp:Port"] = "0",
        ["Logging:LogLevel:" + MllpListenerCategory] = "Information",
    };

    public async Task<AdtResult> RunAsync()
    {
        var messages = new AdtDischarges(DateTimeOffset.UtcNow.AddHours(-2));
        using var http = new AdtHttpSender(server.Address, options.Clients);
        using var mllp = await AdtMllpSender.ConnectAsync(await server.MllpEndPointAsync(), options.Clients);
        (string Name, string Prefix, IAdtSender Sender)[] transports = [("HTTP", "H", http), ("MLLP", "M", mllp)];

        // Both transports warm up before either is measured: the server recompiles its hot paths in the background
        // for several seconds after its first messages, and the two transports share most of theirs.
        var warmups = new List<PhaseResult>();
        foreach (var (name, prefix, sender) in transports)
        {
            warmups.Add(await PhaseResult.RunAsync(Math.Min(options.AdtMessages, 1_000), options.Clients, i => SendNewAsync(sender, messages.For($"{prefix}W{i}"))));
            BenchRunner.Say($"ADT over {name}, warm-up: {BenchRunner.Describe(warmups[^1])}");
        }

        var results = new List<AdtTransportResult>();
        foreach (var ((name, prefix, sender), warmup) in transports.Zip(warmups))
        {
            var measured = await BenchRunner.MeasureAsync(server,
                () => PhaseResult.RunAsync(options.AdtMessages, options.Clients, i => SendNewAsync(sender, messages.For($"{prefix}{i}"))));
            BenchRunner.Say($"ADT over {name}: {BenchRunner.Describe(measured)}");
            var duplicates = await PhaseResult.RunAsync((options.AdtMessages + DuplicateEvery - 1) / DuplicateEvery, options.Clients,
                i => SendDuplicateAsync(sender, messages.For($"{prefix}{i * DuplicateEvery}")));
            BenchRunner.Say($"ADT over {name}, sent again: {BenchRunner.Describe(duplicates)}");
            results.Add(new AdtTransportResult(name, options.Clients, warmup, measured, duplicates));
        }

        var sent = results.Sum(t => t.Distinct);
        var instances = await database.ScalarAsync("""SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId"=@p0""", Definition);
        var calls = await database.ScalarAsync(
            """SELECT COUNT(*) FROM "InboxTasks" WHERE "DefinitionId"=@p0 AND "Title" LIKE 'Post-discharge call:%'""", Definition);
        var called = await database.ScalarAsync(
            """SELECT COUNT(DISTINCT "InstanceId") FROM "InboxTasks" WHERE "DefinitionId"=@p0 AND "Title" LIKE 'Post-discharge call:%'""", Definition);
        BenchRunner.Say($"ADT: {sent} distinct discharges sent; {instances} {Definition} instances, {calls} post-discharge calls in {called} of them");
        return new AdtResult(results, sent, instances, calls, called);
    }

    private static async Task SendNewAsync(IAdtSender sender, AdtDischarge message)
    {
        var answer = await sender.SendAsync(message);
        if (answer.Started is { } started && started != 1)
        {
            throw new InvalidOperationException($"Discharge {message.ControlId} started {started} instances, not 1: {answer.Ack}");
        }
    }

    private static async Task SendDuplicateAsync(IAdtSender sender, AdtDischarge message)
    {
        var answer = await sender.SendAsync(message);
        if (answer.Started is { } started && started != 0)
        {
            throw new InvalidOperationException($"Discharge {message.ControlId} sent again started {started} instances: {answer.Ack}");
        }
    }
}

/// <summary>One transport's phases: unmeasured first, measured, then a sample sent again.</summary>
/// <param name="Transport">HTTP or MLLP.</param>
/// <param name="Connections">Concurrent clients (HTTP) or connections (MLLP).</param>
/// <param name="Warmup">Discharges sent before measuring, each of a patient and visit of its own.</param>
/// <param name="Messages">The measured discharges; latency is request to ACK.</param>
/// <param name="Duplicates">Measured discharges sent again, byte for byte.</param>
internal sealed record AdtTransportResult(string Transport, int Connections, PhaseResult Warmup, PhaseResult Messages, PhaseResult Duplicates)
{
    /// <summary>Discharges of distinct visits this transport sent.</summary>
    public int Distinct => Warmup.Count + Messages.Count;
}

/// <summary>What the ADT run measured, and what the database held after it.</summary>
/// <param name="Transports">HTTP, then MLLP.</param>
/// <param name="Sent">Discharges of distinct visits sent over both transports, warm-up included.</param>
/// <param name="Instances">Instances of discharge follow-up in the database.</param>
/// <param name="Calls">Post-discharge call tasks in the database.</param>
/// <param name="CalledInstances">Instances that have a post-discharge call task.</param>
internal sealed record AdtResult(IReadOnlyList<AdtTransportResult> Transports, int Sent, long Instances, long Calls, long CalledInstances)
{
    /// <summary>Everything that was not as it must be: a message not answered AA (or starting other than it should), or counts off.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var t in Transports)
        {
            foreach (var (phase, name) in new[] { (t.Warmup, "warm-up discharges"), (t.Messages, "discharges"), (t.Duplicates, "discharges sent again") })
            {
                if (phase.Errors > 0)
                {
                    yield return $"{phase.Errors} of {phase.Count} {name} over {t.Transport} failed (first: {phase.FirstError})";
                }
            }
        }

        if (Instances != Sent)
        {
            yield return $"{Instances} {AdtScenario.Definition} instances for {Sent} distinct discharges";
        }

        if (Calls != Sent || CalledInstances != Sent)
        {
            yield return $"{Calls} post-discharge call tasks in {CalledInstances} instances for {Sent} distinct discharges";
        }
    }
}
