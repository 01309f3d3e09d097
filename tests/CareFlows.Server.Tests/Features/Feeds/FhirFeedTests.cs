using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Feeds;

/// <summary>The FHIR feeds: a finished Encounter starts discharge follow-up as an A03 would; a PAS ClaimResponse decides the request it answers.</summary>
public sealed class FhirFeedTests(FeedsApp app) : IClassFixture<FeedsApp>
{
    private HttpClient Feed(string key) => app.FeedClient(key);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string resource, JsonObject body) =>
        await client.PostAsync($"/api/feeds/fhir/{resource}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/fhir+json"), TestContext.Current.CancellationToken);

    private static JsonObject Encounter(string mrn, string visit, string status = "finished", bool withEnd = true)
    {
        var end = DateTimeOffset.UtcNow.AddHours(-1);
        var period = new JsonObject { ["start"] = end.AddDays(-4).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) };
        if (withEnd)
        {
            period["end"] = end.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new JsonObject
        {
            ["resourceType"] = "Encounter",
            ["id"] = "enc-" + visit,
            ["contained"] = new JsonArray(new JsonObject
            {
                ["resourceType"] = "Patient",
                ["id"] = "p",
                ["identifier"] = new JsonArray(new JsonObject { ["type"] = Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"), ["value"] = mrn }),
                ["name"] = new JsonArray(new JsonObject { ["family"] = "Adler", ["given"] = new JsonArray("Ruth") }),
                ["birthDate"] = "1948-02-11",
            }),
            ["identifier"] = new JsonArray(new JsonObject { ["type"] = Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "VN"), ["system"] = "urn:oid:2.16.840.1.113883.3.1", ["value"] = visit }),
            ["status"] = status,
            ["class"] = new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ActCode", ["code"] = "IMP" },
            ["priority"] = Coding("http://terminology.hl7.org/CodeSystem/v3-ActPriority", "EM"),
            ["subject"] = new JsonObject { ["reference"] = "#p" },
            ["period"] = period,
            ["hospitalization"] = new JsonObject { ["dischargeDisposition"] = Coding("http://terminology.hl7.org/CodeSystem/discharge-disposition", "home") },
        };
    }

    private static JsonObject ClaimResponse(string requestId, string? reviewAction)
    {
        var adjudication = new JsonObject { ["category"] = Coding("http://terminology.hl7.org/CodeSystem/adjudication", "submitted") };
        if (reviewAction is not null)
        {
            adjudication["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction",
                ["extension"] = new JsonArray(
                    new JsonObject { ["url"] = "code", ["valueCodeableConcept"] = Coding("https://codesystem.x12.org/005010/306", reviewAction) },
                    new JsonObject { ["url"] = "number", ["valueString"] = "AUTH-" + requestId }),
            });
        }

        return new JsonObject
        {
            ["resourceType"] = "ClaimResponse",
            ["id"] = "cr-" + requestId,
            ["status"] = "active",
            ["type"] = Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional"),
            ["use"] = "preauthorization",
            ["patient"] = new JsonObject { ["reference"] = "Patient/51007" },
            ["created"] = "2026-11-30T10:00:00-05:00",
            ["insurer"] = new JsonObject { ["display"] = "Evergreen Medicare Advantage" },
            ["request"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = requestId } },
            ["outcome"] = "complete",
            ["preAuthPeriod"] = new JsonObject { ["start"] = "2026-12-01", ["end"] = "2027-02-28" },
            ["item"] = new JsonArray(new JsonObject { ["itemSequence"] = 1, ["adjudication"] = new JsonArray(adjudication) }),
        };
    }

    private static JsonObject Coding(string system, string code) => new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };

    [Fact]
    public async Task A_finished_encounter_starts_discharge_follow_up_once()
    {
        var mrn = "MRN" + Guid.NewGuid().ToString("N")[..10];
        using var hospital = Feed(FeedClientOptions.DemoAdtKey);

        using var first = await PostAsync(hospital, "Encounter", Encounter(mrn, "V" + mrn));
        using var again = await PostAsync(hospital, "Encounter", Encounter(mrn, "V" + mrn));

        var taken = await first.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal(("PatientDischarged", "Delivered"), (taken["event"]!.GetValue<string>(), taken["disposition"]!.GetValue<string>()));
        Assert.Equal("Duplicate", (await again.ReadAsync<JsonObject>(HttpStatusCode.OK))["disposition"]!.GetValue<string>());
        var instanceId = Assert.Single(taken["started"]!.AsArray())!.GetValue<string>();
        var discharge = JsonNode.Parse((await app.InstanceAsync(instanceId))!.State)!["variables"]!["Discharge"]!;
        Assert.Equal(("01", "inpatient-acute", 5, true), (discharge["disposition"]!.GetValue<string>(), discharge["setting"]!.GetValue<string>(), discharge["risk"]!["lengthOfStayDays"]!.GetValue<int>(), discharge["risk"]!["emergentAdmission"]!.GetValue<bool>()));
        Assert.Equal(1, await app.QueryAsync(db => db.Tasks.CountAsync(t => t.PatientMrn == mrn && t.Title == "Post-discharge call: Ruth Adler")));
    }

    [Fact]
    public async Task A_finished_encounter_without_its_end_is_refused_by_path_and_starts_nothing()
    {
        var mrn = "MRN" + Guid.NewGuid().ToString("N")[..10];
        using var hospital = Feed(FeedClientOptions.DemoAdtKey);

        using var response = await PostAsync(hospital, "Encounter", Encounter(mrn, "V" + mrn, withEnd: false));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Encounter.period.end", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await app.QueryAsync(db => db.Instances.CountAsync(i => i.CorrelationId == mrn)));
    }

    [Fact]
    public async Task JSON_that_is_not_a_valid_Encounter_is_refused_by_the_FHIR_parser_naming_the_element()
    {
        using var hospital = Feed(FeedClientOptions.DemoAdtKey);
        var encounter = Encounter("MRN-X", "V-X");
        encounter["status"] = 42;

        using var response = await PostAsync(hospital, "Encounter", encounter);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_office_visit_in_progress_is_no_readmission()
    {
        var mrn = "MRN" + Guid.NewGuid().ToString("N")[..10];
        using var hospital = Feed(FeedClientOptions.DemoAdtKey);
        await PostAsync(hospital, "Encounter", Encounter(mrn, "V" + mrn));
        var visit = Encounter(mrn, "O" + mrn, status: "in-progress", withEnd: false);
        visit["class"] = new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ActCode", ["code"] = "AMB" };

        using var response = await PostAsync(hospital, "Encounter", visit);

        Assert.Null((await response.ReadAsync<JsonObject>(HttpStatusCode.OK))["event"]);
        Assert.Equal("Running", (await app.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.CorrelationId == mrn))).Status);
    }

    [Fact]
    public async Task A_payer_decision_resumes_the_request_it_answers_with_its_authorization()
    {
        var requestId = "PA-" + Guid.NewGuid().ToString("N")[..8];
        var instanceId = await SubmittedRequestAsync(requestId);
        using var payer = Feed(FeedClientOptions.DemoPayerKey);

        using var response = await PostAsync(payer, "ClaimResponse", ClaimResponse(requestId, "A1"));

        var taken = await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal(("PayerDecisionReceived", "Delivered", instanceId), (taken["event"]!.GetValue<string>(), taken["disposition"]!.GetValue<string>(), Assert.Single(taken["resumed"]!.AsArray())!.GetValue<string>()));
        var closure = JsonNode.Parse((await app.InstanceAsync(instanceId))!.State)!["output"]!["closure"]!;
        Assert.Equal(("approved", "AUTH-" + requestId, "2027-02-28"), (closure["status"]!.GetValue<string>(), closure["authorization"]!["number"]!.GetValue<string>(), closure["authorization"]!["periodEnd"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_decision_without_a_review_action_is_refused_naming_where_it_belongs()
    {
        using var payer = Feed(FeedClientOptions.DemoPayerKey);

        using var response = await PostAsync(payer, "ClaimResponse", ClaimResponse("PA-none", null));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ClaimResponse.item[0].adjudication[0].extension(reviewAction)", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Each_key_opens_only_its_own_feeds()
    {
        using var hospital = Feed(FeedClientOptions.DemoAdtKey);
        using var payer = Feed(FeedClientOptions.DemoPayerKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(hospital, "ClaimResponse", ClaimResponse("PA-x", "A1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(payer, "Encounter", Encounter("MRN-Y", "V-Y"))).StatusCode);
    }

    /// <summary>A prior authorization submitted to the payer, waiting for its decision.</summary>
    private async Task<string> SubmittedRequestAsync(string requestId)
    {
        var runtime = app.Get<WorkflowRuntime>();
        var started = await runtime.StartAsync("prior-authorization", null, new StartRequest
        {
            Input = new Dictionary<string, object?> { ["requestId"] = requestId, ["urgency"] = "standard", ["service"] = new JsonObject { ["display"] = "MRI lumbar spine" } },
        }, TestContext.Current.CancellationToken);
        var task = await app.QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id && t.Status == InboxTaskStatus.Ready).Select(t => t.Id).SingleAsync());
        var admin = new Inbox.TaskRequester("feeds-admin", new HashSet<string> { Roles.Admin });
        var done = await runtime.CompleteTaskAsync(task, admin, "Submitted", new JsonObject { ["memberId"] = "M-1", ["urgency"] = "standard", ["clinicalSummary"] = "Pain." }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(TaskOutcomeStatus.Done, done.Status);
        return started.Id;
    }
}
