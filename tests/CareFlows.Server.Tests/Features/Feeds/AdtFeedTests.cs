using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Feeds;

/// <summary>The ADT feed over HTTP: a discharge starts follow-up once, broken messages are refused field by field, and only its key may post.</summary>
public sealed class AdtFeedTests(FeedsApp app) : IClassFixture<FeedsApp>
{
    private HttpClient Feed(string key = FeedClientOptions.DemoAdtKey) => app.FeedClient(key);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string message, string mediaType = "application/hl7-v2") =>
        await client.PostAsync("/api/feeds/adt", new StringContent(message, Encoding.UTF8, mediaType), TestContext.Current.CancellationToken);

    private Task<List<WorkflowInstanceRecord>> InstancesAsync(string mrn) =>
        app.QueryAsync(db => db.Instances.AsNoTracking().Where(i => i.CorrelationId == mrn).ToListAsync());

    [Fact]
    public async Task A_discharge_starts_follow_up_with_its_call_and_the_same_discharge_again_starts_nothing()
    {
        var patient = AdtMessages.NewPatient();
        using var feed = Feed();

        using var first = await PostAsync(feed, patient.Discharge());
        var taken = await first.ReadAsync<JsonObject>(HttpStatusCode.OK);
        using var again = await PostAsync(feed, patient.Discharge());
        var duplicate = await again.ReadAsync<JsonObject>(HttpStatusCode.OK);

        Assert.Equal(("AA", "PatientDischarged", "Delivered"), (Text(taken, "acknowledgement"), Text(taken, "event"), Text(taken, "disposition")));
        Assert.Contains("MSA|AA|", Text(taken, "ack"), StringComparison.Ordinal);
        Assert.Equal(("AA", "Duplicate"), (Text(duplicate, "acknowledgement"), Text(duplicate, "disposition")));
        var instance = Assert.Single(await InstancesAsync(patient.Mrn));
        Assert.Equal(Assert.Single(taken["started"]!.AsArray())!.GetValue<string>(), instance.Id);
        var tasks = await app.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToListAsync());
        var call = Assert.Single(tasks, t => t.Title == "Post-discharge call: Ruth Adler");
        Assert.Equal((patient.Mrn, "routine", "ready"), (call.PatientMrn, call.Priority, call.Status));
    }

    [Fact]
    public async Task A_discharge_without_a_visit_number_is_refused_naming_PV1_19_and_starts_nothing()
    {
        var patient = AdtMessages.NewPatient();
        using var feed = Feed();

        using var response = await PostAsync(feed, patient.Discharge(without: 19));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("PV1-19", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("AE", Text(problem, "acknowledgement"));
        Assert.Contains("MSA|AE|", Text(problem, "ack"), StringComparison.Ordinal);
        Assert.Contains("ERR|", Text(problem, "ack"), StringComparison.Ordinal);
        Assert.Empty(await InstancesAsync(patient.Mrn));
    }

    [Fact]
    public async Task A_version_CareFlows_does_not_read_is_rejected_naming_MSH_12()
    {
        var patient = AdtMessages.NewPatient();
        using var feed = Feed();

        using var response = await PostAsync(feed, patient.Discharge(version: "2.1"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("AR", Text(problem, "acknowledgement"));
        Assert.Contains("MSH-12", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(await InstancesAsync(patient.Mrn));
    }

    [Fact]
    public async Task Garbage_bytes_are_rejected()
    {
        using var feed = Feed();
        var bytes = new byte[300];
        new Random(7).NextBytes(bytes);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/hl7-v2");

        using var response = await feed.PostAsync("/api/feeds/adt", content, TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("AR", Text(problem, "acknowledgement"));
    }

    [Fact]
    public async Task A_cancelled_discharge_ends_the_follow_up_its_discharge_started()
    {
        var patient = AdtMessages.NewPatient();
        using var feed = Feed();
        using var discharged = await PostAsync(feed, patient.Discharge());
        var instanceId = (await discharged.ReadAsync<JsonObject>(HttpStatusCode.OK))["started"]![0]!.GetValue<string>();

        using var cancelled = await PostAsync(feed, patient.CancelDischarge());

        Assert.Equal("Delivered", Text(await cancelled.ReadAsync<JsonObject>(HttpStatusCode.OK), "disposition"));
        var instance = await app.InstanceAsync(instanceId);
        Assert.Equal("Finished", instance!.Status);
        Assert.All(await app.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync()), t => Assert.Equal(InboxTaskStatus.Cancelled, t.Status));
    }

    [Fact]
    public async Task A_discharge_cancelled_and_made_again_later_starts_a_new_follow_up()
    {
        var patient = AdtMessages.NewPatient();
        using var feed = Feed();
        using var first = await PostAsync(feed, patient.Discharge());
        using var cancelled = await PostAsync(feed, patient.CancelDischarge());

        using var again = await PostAsync(feed, patient.Discharge(dischargedAt: patient.DischargedAt.AddHours(1)));

        var taken = await again.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal(("Delivered", 1), (Text(taken, "disposition"), taken["started"]!.AsArray().Count));
        var instances = await InstancesAsync(patient.Mrn);
        Assert.Equal(["Finished", "Running"], instances.OrderBy(i => i.CreatedAt).Select(i => i.Status));
    }

    [Fact]
    public async Task An_admission_of_a_patient_in_no_follow_up_is_not_kept_to_end_a_later_one()
    {
        var patient = AdtMessages.NewPatient();
        using var feed = Feed();

        using var admitted = await PostAsync(feed, patient.Admit("A" + patient.VisitNumber));
        using var discharged = await PostAsync(feed, patient.Discharge());

        Assert.Equal("Unheard", Text(await admitted.ReadAsync<JsonObject>(HttpStatusCode.OK), "disposition"));
        Assert.Equal("Delivered", Text(await discharged.ReadAsync<JsonObject>(HttpStatusCode.OK), "disposition"));
        Assert.Equal("Running", Assert.Single(await InstancesAsync(patient.Mrn)).Status);
        Assert.Equal(0, await app.QueryAsync(db => db.BufferedEvents.CountAsync(b => b.CorrelationKey == patient.Mrn)));
    }

    [Fact]
    public async Task Only_a_key_with_the_ADT_scope_may_post()
    {
        var message = AdtMessages.NewPatient().Discharge();
        using var anonymous = app.CreateClient();
        using var wrongKey = Feed("not-a-key");
        using var otherScope = Feed(FeedsApp.OtherScopeKey);
        using var admin = await app.ClientAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, message)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(wrongKey, message)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(otherScope, message)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(admin, message)).StatusCode);
    }

    [Fact]
    public async Task A_feed_key_opens_no_other_endpoint()
    {
        using var feed = Feed();

        using var response = await feed.GetAsync("/api/tasks?queue=all", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_message_in_another_media_type_is_refused_415()
    {
        using var feed = Feed();

        using var response = await PostAsync(feed, AdtMessages.NewPatient().Discharge(), "application/json");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private static string? Text(JsonNode node, string member) => node[member]?.GetValue<string>();
}
