using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Pathways;

/// <summary>
/// One pathway run on a clock of its own, driven through the public API as its users would drive it: systems publish
/// events, coordinators of the pathway's teams work their inbox, and the test moves the clock between their steps.
/// </summary>
public sealed class PathwayScenario(DateTimeOffset start) : IAsyncDisposable
{
    public static readonly TimeSpan Eastern = TimeSpan.FromHours(-5);

    public SimulatedClockApp App { get; } = new(start);

    public async Task InitializeAsync() => await App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>Publishes an event as a system would, with its idempotency key; returns the answer.</summary>
    public async Task<JsonObject> PublishAsync(string eventName, string correlationKey, JsonObject payload, string idempotencyKey)
    {
        using var system = await App.ClientAsync(Roles.Admin);
        using var response = await system.PostJsonAsync("/api/events", new { eventName, correlationKey, payload, idempotencyKey });
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    /// <summary>Starts an instance through the API as a clinical system would; returns its id.</summary>
    public async Task<string> StartAsync(string definitionId, string? correlationId, object input)
    {
        using var system = await App.ClientAsync(Roles.Admin);
        using var response = await system.PostJsonAsync("/api/instances", new { definitionId, correlationId, input });
        return InboxClients.Text(await response.ReadAsync<JsonObject>(HttpStatusCode.Created), "id")!;
    }

    /// <summary>Sends news to a JSON feed as the demo system holding <paramref name="key"/> would; returns the answer.</summary>
    public async Task<JsonObject> FeedAsync(string path, string key, object body)
    {
        using var system = App.FeedClient(key);
        using var response = await system.PostJsonAsync(path, body);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    /// <summary>A metric as a clinical lead reads it, over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<JsonObject> MetricAsync(string metric, DateTimeOffset from, DateTimeOffset to)
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);
        return await InboxClients.GetAsync(lead, $"/api/metrics/{metric}?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");
    }

    /// <summary>A rate of a metric as its numerator and denominator.</summary>
    public static (int Numerator, int Denominator) Ratio(JsonObject metric, string name)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var ratio = metric["ratios"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == name)!;
        return (ratio["numerator"]!.GetValue<int>(), ratio["denominator"]!.GetValue<int>());
    }

    /// <summary>A measure of a metric; null when there was nothing to measure.</summary>
    public static double? Measure(JsonObject metric, string name)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric["measures"]![name]!["value"]?.GetValue<double>();
    }

    /// <summary>A demo coordinator, signed in now: a sign-in lasts hours, and scenarios skip days between steps.</summary>
    public async Task<HttpClient> CoordinatorAsync(string email) =>
        App.BearerClient((await SignIn.BearerAsync(App.CreateClient(), email, DemoSignIn.Password)).AccessToken);

    /// <summary>The instance's tasks, as an auditor reads them: every status, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> TasksAsync(string instanceId) =>
        [.. (await AllTasksAsync()).Where(t => InboxClients.Text(t, "instanceId") == instanceId)];

    /// <summary>Every task of every instance, as an auditor reads them: every status, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> AllTasksAsync()
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);
        var tasks = new List<JsonObject>();
        foreach (var status in new[] { "ready", "in-progress", "on-hold", "completed", "cancelled" })
        {
            var page = await InboxClients.GetAsync(auditor, $"/api/tasks?queue=all&status={status}&pageSize=200");
            tasks.AddRange(page["items"]!.AsArray().Select(t => t!.AsObject()));
        }

        return [.. tasks.OrderBy(t => t["createdAt"]!.GetValue<DateTime>()).ThenBy(t => InboxClients.Text(t, "id"), StringComparer.Ordinal)];
    }

    /// <summary>The open task the activity <paramref name="title"/> starts with, of this instance.</summary>
    public async Task<JsonObject> OpenTaskAsync(string instanceId, string title)
    {
        var tasks = await TasksAsync(instanceId);
        return tasks.Single(t => InboxClients.Text(t, "title")!.StartsWith(title, StringComparison.Ordinal) && InboxClients.Text(t, "status") is "ready" or "in-progress" or "on-hold");
    }

    public async Task<JsonArray> HistoryAsync(string taskId)
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);
        using var response = await auditor.GetAsync($"/api/tasks/{taskId}/history", TestContext.Current.CancellationToken);
        return await response.ReadAsync<JsonArray>(HttpStatusCode.OK);
    }

    public async Task<JsonObject> InstanceAsync(string instanceId)
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);
        return await InboxClients.GetAsync(auditor, $"/api/instances/{instanceId}");
    }

    /// <summary>Logs an outreach attempt at <paramref name="at"/> (the clock moves there first).</summary>
    public async Task AttemptAsync(string email, string taskId, DateTimeOffset at, string result, string channel = "phone")
    {
        await App.AdvanceToAsync(at);
        using var coordinator = await CoordinatorAsync(email);
        using var response = await coordinator.PostJsonAsync($"/api/tasks/{taskId}/attempts", new { at, channel, result });
        await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    /// <summary>Completes a task with an outcome and form data; the coordinator claims it on the way.</summary>
    public async Task CompleteAsync(string email, string taskId, string outcome, object? data = null)
    {
        using var coordinator = await CoordinatorAsync(email);
        using var response = await coordinator.PostJsonAsync($"/api/tasks/{taskId}/complete", new { outcome, data });
        await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    /// <summary>A local date and time in the organisation's zone (US Eastern, standard time in these scenarios).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, Eastern);
}
