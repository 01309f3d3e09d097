using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Instances;

public sealed class InstanceStreamTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_instance_stream_tells_its_watcher_when_that_instance_moves_on_and_of_no_other()
    {
        var client = await App.ClientAsync(Roles.Auditor);
        var coordinator = await App.ClientAsync(Roles.Coordinator);
        var key = NewKey();
        var watched = await coordinator.StartInstanceAsync("test-wait-for-event", key);
        var other = NewKey();
        await coordinator.StartInstanceAsync("test-wait-for-event", other);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(20));
        using var response = await client.GetAsync($"/api/instances/{watched.Id}/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("event: ready", await EventStreams.NextEventAsync(reader, cancel.Token));

        (await coordinator.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = other })).EnsureSuccessStatusCode();
        (await coordinator.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key })).EnsureSuccessStatusCode();

        var update = await EventStreams.NextDataAsync(reader, "instance", cancel.Token);
        Assert.Equal((watched.Id, "Finished"), (update["instanceId"]!.GetValue<string>(), update["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task There_is_no_stream_for_an_instance_that_does_not_exist()
    {
        var client = await App.ClientAsync(Roles.Auditor);

        using var response = await client.GetAsync("/api/instances/no-such-instance/stream", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
