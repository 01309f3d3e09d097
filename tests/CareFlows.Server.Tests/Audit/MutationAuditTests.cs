using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.Features.Definitions;
using CareFlows.Server.Tests.Features.Feeds;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Audit;

/// <summary>
/// Every endpoint that can change something, found in the host's routes, records exactly one audit record for one
/// successful request, and none for a request refused after its change began; a new endpoint without a case here fails.
/// </summary>
public abstract class MutationAuditTests(CareFlowsApp app) : AppTests(app)
{
    private static readonly object TestRunInput = new { teams = new[] { "test-runs" } };

    private static readonly string[] UnknownTeam = ["no-such-team"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Sets up what a request needs and returns the request, ready to send.</summary>
    private delegate Task<Send> Arrange();

    private delegate Task<HttpResponseMessage> Send();

    /// <summary>Mutating routes that store nothing, and why; they must add no record.</summary>
    private static readonly Dictionary<string, string> ExemptBecause = new(StringComparer.Ordinal)
    {
        ["POST /api/definitions/validate"] = "checks a definition in the body and answers; stores nothing",
        ["POST /api/definitions/{definitionId}/validate"] = "checks a stored version and answers; stores nothing",
    };

    [Fact]
    public async Task Every_mutating_endpoint_records_exactly_one_change()
    {
        var cases = Cases();
        AssertEveryMutatingEndpointHasACase(cases.Keys);
        var problems = new List<string>();

        foreach (var (endpoint, (operation, arrange)) in cases.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // One endpoint's failure must not hide the others': each is checked, and all are named at the end.
            try
            {
                var added = await RecordsAddedByAsync(endpoint, arrange);
                var seen = string.Join(", ", added.Select(r => $"{r.Operation} ({r.Outcome})"));
                Assert.True(added.Count == 1, $"expected one record {operation}, saw {added.Count}: [{seen}]");
                Assert.Equal((operation, AuditOutcomes.Success), (added[0].Operation, added[0].Outcome));
            }
            catch (XunitException e)
            {
                problems.Add($"{endpoint}: {e.Message}");
            }
        }

        foreach (var (endpoint, arrange) in ExemptRequests())
        {
            try
            {
                Assert.Empty(await RecordsAddedByAsync(endpoint, arrange));
            }
            catch (XunitException e)
            {
                problems.Add($"{endpoint} (exempt: {ExemptBecause[endpoint]}): {e.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task None_when_it_rolls_back()
    {
        var refusals = new Dictionary<string, (HttpStatusCode Status, Arrange Arrange)>(StringComparer.Ordinal)
        {
            ["publishing an invalid draft"] = (HttpStatusCode.UnprocessableEntity, async () =>
            {
                var (lead, id) = await DraftAsync(DefinitionJson.Invalid(UniqueId("invalid")));
                return () => lead.PostJsonAsync($"/api/definitions/{id}/publish", null);
            }),
            ["a user update naming an unknown team"] = (HttpStatusCode.UnprocessableEntity, async () =>
            {
                var (admin, user) = await UserAsync();
                return () => admin.SendJsonAsync(HttpMethod.Patch, $"/api/admin/users/{user.Id()}", new { teams = UnknownTeam });
            }),
            ["completing a task with data its form refuses"] = (HttpStatusCode.UnprocessableEntity, async () =>
            {
                var (coordinator, task) = await OpenTaskAsync();
                return () => coordinator.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Reached", data = new { reached = "yes", painScore = 11 } });
            }),
            ["creating a team under an id already taken"] = (HttpStatusCode.Conflict, async () =>
            {
                var admin = await App.ClientAsync(Roles.Admin);
                var taken = (await AdminApi.CreateTeamAsync(admin)).Id();
                return () => admin.PostJsonAsync("/api/admin/teams", new { id = taken, name = $"Another name {NewKey()}" });
            }),
        };

        foreach (var (refusal, (status, arrange)) in refusals)
        {
            var send = await arrange();
            var last = await LastSequenceAsync();
            using var response = await send();

            Assert.True(response.StatusCode == status, $"{refusal}: expected {(int)status}, got {(int)response.StatusCode}");
            Assert.True(await RecordsAfterAsync(last) is [], $"{refusal} was refused, yet it left an audit record");
        }

        await AssertChainIntactAsync();
    }

    /// <summary>One case per mutating route: the operation its one record must name, and how to make a request that succeeds.</summary>
    private Dictionary<string, (string Operation, Arrange Arrange)> Cases() => new(StringComparer.Ordinal)
    {
        // Feeds: each message publishes one event; nothing waits for these patients, so the events are kept or dropped.
        ["POST /api/feeds/adt"] = ("event.publish", () => Ready(() => App.FeedClient(FeedClientOptions.DemoAdtKey)
            .PostAsync("/api/feeds/adt", new StringContent(AdtMessages.NewPatient().Discharge(), Encoding.UTF8, "application/hl7-v2"), Cancel))),
        ["POST /api/feeds/fhir/Encounter"] = ("event.publish", () => Ready(() => App.FeedClient(FeedClientOptions.DemoAdtKey)
            .PostAsync("/api/feeds/fhir/Encounter", Fhir(FinishedEncounter()), Cancel))),
        ["POST /api/feeds/fhir/ClaimResponse"] = ("event.publish", () => Ready(() => App.FeedClient(FeedClientOptions.DemoPayerKey)
            .PostAsync("/api/feeds/fhir/ClaimResponse", Fhir(ApprovingClaimResponse()), Cancel))),
        ["POST /api/feeds/referrals"] = ("event.publish", () => Ready(() => App.FeedClient(FeedClientOptions.DemoReferralKey)
            .PostJsonAsync("/api/feeds/referrals", new { referralId = $"REF-{NewKey()[..8]}", status = "accepted", messageId = NewKey(), at = DateTimeOffset.UtcNow }))),

        // Test runs live in memory: the record is the one thing they write.
        ["POST /api/definitions/{definitionId}/test-runs"] = ("test-run.start", async () =>
        {
            var lead = await App.ClientAsync(Roles.ClinicalLead);
            return () => lead.PostJsonAsync("/api/definitions/test-inbox-task/test-runs", new { input = TestRunInput });
        }),
        ["POST /api/test-runs/{runId}/advance"] = ("test-run.advance", async () =>
        {
            var (lead, run) = await TestRunAsync("test-inbox-task");
            return () => lead.PostJsonAsync($"/api/test-runs/{run.Id()}/advance", new { by = "01:00:00" });
        }),
        ["POST /api/test-runs/{runId}/tasks/{taskId}/complete"] = ("test-run.complete-task", async () =>
        {
            var (lead, run) = await TestRunAsync("test-inbox-task");
            var task = run["tasks"]![0]!.Id();
            return () => lead.PostJsonAsync($"/api/test-runs/{run.Id()}/tasks/{task}/complete", new { outcome = "Reached", data = ValidData });
        }),
        ["POST /api/test-runs/{runId}/events"] = ("test-run.publish-event", async () =>
        {
            var (lead, run) = await TestRunAsync("test-wait-for-event");
            return () => lead.PostJsonAsync($"/api/test-runs/{run.Id()}/events", new { eventName = "PayerDecision", payload = new { approved = true } });
        }),
        ["DELETE /api/test-runs/{runId}"] = ("test-run.end", async () =>
        {
            var (lead, run) = await TestRunAsync("test-inbox-task");
            return () => lead.DeleteAsync($"/api/test-runs/{run.Id()}", Cancel);
        }),

        // Definitions.
        ["POST /api/definitions/import"] = ("definition.import", async () =>
        {
            var lead = await App.ClientAsync(Roles.ClinicalLead);
            return () => lead.PostJsonAsync("/api/definitions/import", new JsonArray(DefinitionJson.Valid(UniqueId("import"))));
        }),
        ["POST /api/definitions/"] = ("definition.create", async () =>
        {
            var lead = await App.ClientAsync(Roles.ClinicalLead);
            return () => lead.PostJsonAsync("/api/definitions", DefinitionJson.Valid(UniqueId("create")));
        }),
        ["PUT /api/definitions/{definitionId}"] = ("definition.save-draft", async () =>
        {
            var (lead, id) = await DraftAsync(DefinitionJson.Valid(UniqueId("draft")));
            return () => lead.SendJsonAsync(HttpMethod.Put, $"/api/definitions/{id}", DefinitionJson.Valid(id, "edited"));
        }),
        ["POST /api/definitions/{definitionId}/publish"] = ("definition.publish", async () =>
        {
            var (lead, id) = await DraftAsync(DefinitionJson.Valid(UniqueId("publish")));
            return () => lead.PostJsonAsync($"/api/definitions/{id}/publish", null);
        }),
        ["POST /api/definitions/{definitionId}/retire"] = ("definition.retire", async () =>
        {
            var (lead, id) = await PublishedAsync("retire");
            return () => lead.PostJsonAsync($"/api/definitions/{id}/retire", null);
        }),
        ["DELETE /api/definitions/{definitionId}"] = ("definition.delete", async () =>
        {
            var (lead, id) = await DraftAsync(DefinitionJson.Valid(UniqueId("delete")));
            return () => lead.DeleteAsync($"/api/definitions/{id}", Cancel);
        }),
        ["POST /api/definitions/{definitionId}/revert/{version:int}"] = ("definition.revert", async () =>
        {
            // Version 2 published over version 1: reverting to 1 makes a draft of it.
            var (lead, id) = await PublishedAsync("revert");
            await SucceedsAsync(lead.SendJsonAsync(HttpMethod.Put, $"/api/definitions/{id}", DefinitionJson.Valid(id, "two")));
            await SucceedsAsync(lead.PostJsonAsync($"/api/definitions/{id}/publish", null));
            return () => lead.PostJsonAsync($"/api/definitions/{id}/revert/1", null);
        }),
        ["DELETE /api/definitions/{definitionId}/draft"] = ("definition.delete-draft", async () =>
        {
            var (lead, id) = await PublishedAsync("delete-draft");
            await SucceedsAsync(lead.SendJsonAsync(HttpMethod.Put, $"/api/definitions/{id}", DefinitionJson.Valid(id, "two")));
            return () => lead.DeleteAsync($"/api/definitions/{id}/draft", Cancel);
        }),

        // Events and instances.
        ["POST /api/events/"] = ("event.publish", async () =>
        {
            var coordinator = await App.ClientAsync(Roles.Coordinator);
            return () => coordinator.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = NewKey(), payload = new { approved = true } });
        }),
        ["POST /api/bookmarks/{bookmarkId}/resume"] = ("instance.resume", async () =>
        {
            var coordinator = await App.ClientAsync(Roles.Coordinator);
            var started = await coordinator.StartInstanceAsync("test-two-events", NewKey());
            var bookmark = await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == started.Id).Select(b => b.Id).SingleAsync(Cancel));
            return () => coordinator.PostJsonAsync($"/api/bookmarks/{bookmark}/resume", new { });
        }),
        ["POST /api/instances/"] = ("instance.start", async () =>
        {
            var coordinator = await App.ClientAsync(Roles.Coordinator);
            return () => coordinator.PostJsonAsync("/api/instances", new { definitionId = "test-wait-for-event", correlationId = NewKey() });
        }),
        ["POST /api/instances/{id}/cancel"] = ("instance.cancel", async () =>
        {
            var admin = await App.ClientAsync(Roles.Admin);
            var started = await admin.StartInstanceAsync("test-wait-for-event", NewKey());
            return () => admin.PostJsonAsync($"/api/instances/{started.Id}/cancel", new { reason = "patient moved away" });
        }),

        // Inbox tasks, each in a team of its own.
        ["POST /api/tasks/{id}/claim"] = ("task.claim", () => OnOpenTaskAsync("claim")),
        ["POST /api/tasks/{id}/unclaim"] = ("task.unclaim", () => OnOpenTaskAsync("unclaim", claimed: true)),
        ["POST /api/tasks/{id}/reassign"] = ("task.reassign", async () =>
        {
            var (coordinator, task) = await OpenTaskAsync();
            var otherTeam = await App.NewTeamAsync();
            return () => coordinator.PostJsonAsync($"/api/tasks/{task}/reassign", new { team = otherTeam });
        }),
        ["POST /api/tasks/{id}/delegate"] = ("task.delegate", async () =>
        {
            var (coordinator, task, team) = await OpenTaskInTeamAsync();
            await SucceedsAsync(coordinator.PostJsonAsync($"/api/tasks/{task}/claim", null));
            var colleague = await AdminApi.CreateUserAsync(await App.ClientAsync(Roles.Admin), teams: [team]);
            return () => coordinator.PostJsonAsync($"/api/tasks/{task}/delegate", new { user = colleague.Id() });
        }),
        ["POST /api/tasks/{id}/hold"] = ("task.hold", () => OnOpenTaskAsync("hold", new { reason = "waiting for the pharmacy" }, claimed: true)),
        ["POST /api/tasks/{id}/release"] = ("task.release", async () =>
        {
            var (coordinator, task) = await OpenTaskAsync();
            await SucceedsAsync(coordinator.PostJsonAsync($"/api/tasks/{task}/claim", null));
            await SucceedsAsync(coordinator.PostJsonAsync($"/api/tasks/{task}/hold", new { reason = "waiting for the pharmacy" }));
            return () => coordinator.PostJsonAsync($"/api/tasks/{task}/release", null);
        }),
        ["POST /api/tasks/{id}/comments"] = ("task.comment", () => OnOpenTaskAsync("comments", new { text = "Daughter asked for a call after 5pm." })),
        ["POST /api/tasks/{id}/attempts"] = ("task.attempt", () => OnOpenTaskAsync("attempts", new { channel = "phone", result = "no-answer", note = "voicemail full" })),
        ["POST /api/tasks/{id}/complete"] = ("task.complete", () => OnOpenTaskAsync("complete", new { outcome = "Reached", data = ValidData })),
        ["POST /api/tasks/filters/"] = ("saved-filter.create", async () =>
        {
            var (coordinator, _) = await OpenTaskAsync();
            return () => coordinator.PostJsonAsync("/api/tasks/filters", new { name = "Urgent calls", query = "?queue=team&priority=urgent&sort=due" });
        }),
        ["DELETE /api/tasks/filters/{id}"] = ("saved-filter.delete", async () =>
        {
            var (coordinator, _) = await OpenTaskAsync();
            using var saved = await coordinator.PostJsonAsync("/api/tasks/filters", new { name = "Mine", query = "queue=mine" });
            var filter = (await saved.ReadAsync<JsonObject>(HttpStatusCode.Created)).Id();
            return () => coordinator.DeleteAsync($"/api/tasks/filters/{filter}", Cancel);
        }),

        // Notifications: a task reassigned to someone notifies them.
        ["POST /api/notifications/{id:long}/read"] = ("notification.read", async () =>
        {
            var (recipient, notification) = await NotifiedAsync();
            return () => recipient.PostJsonAsync($"/api/notifications/{notification}/read", null);
        }),
        ["POST /api/notifications/read-all"] = ("notification.read-all", async () =>
        {
            var (recipient, _) = await NotifiedAsync();
            return () => recipient.PostJsonAsync("/api/notifications/read-all", null);
        }),

        // Users and their sessions. A signed-in user is deactivated or reset as they usually are: with a session open.
        ["POST /api/admin/users/"] = ("user.create", async () =>
        {
            var admin = await App.ClientAsync(Roles.Admin);
            return () => admin.PostJsonAsync("/api/admin/users", new
            {
                email = $"user-{NewKey()}@careflows.test",
                displayName = "New Colleague",
                password = AdminApi.Password,
                roles = new[] { Roles.Coordinator },
                teams = Array.Empty<string>(),
            });
        }),
        ["PUT /api/admin/users/{id}"] = ("user.update", async () =>
        {
            var (admin, user) = await UserAsync();
            return () => admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{user.Id()}", new { displayName = "Replaced", roles = new[] { Roles.Auditor }, teams = Array.Empty<string>() });
        }),
        ["PATCH /api/admin/users/{id}"] = ("user.update", async () =>
        {
            var (admin, user) = await UserAsync();
            return () => admin.SendJsonAsync(HttpMethod.Patch, $"/api/admin/users/{user.Id()}", new { displayName = "Renamed" });
        }),
        ["POST /api/admin/users/{id}/deactivate"] = ("user.deactivate", async () =>
        {
            var (admin, user) = await SignedInUserAsync();
            return () => admin.PostJsonAsync($"/api/admin/users/{user.Id()}/deactivate", null);
        }),
        ["POST /api/admin/users/{id}/activate"] = ("user.activate", async () =>
        {
            var (admin, user) = await UserAsync();
            await SucceedsAsync(admin.PostJsonAsync($"/api/admin/users/{user.Id()}/deactivate", null));
            return () => admin.PostJsonAsync($"/api/admin/users/{user.Id()}/activate", null);
        }),
        ["POST /api/admin/users/{id}/reset-password"] = ("user.reset-password", async () =>
        {
            var (admin, user) = await SignedInUserAsync();
            return () => admin.PostJsonAsync($"/api/admin/users/{user.Id()}/reset-password", new { password = "Brand-New-Password-2" });
        }),
        ["POST /api/admin/sessions/{sessionId}/revoke"] = ("session.revoke", async () =>
        {
            var (admin, user) = await SignedInUserAsync();
            var sessions = await GetAsync(admin, $"/api/admin/users/{user.Id()}/sessions");
            var session = sessions["items"]![0]!.Id();
            return () => admin.PostJsonAsync($"/api/admin/sessions/{session}/revoke", null);
        }),

        // Break-the-glass access.
        ["POST /api/access/break-glass"] = ("access.break-glass", async () =>
        {
            var coordinator = await App.CoordinatorAsync(await App.NewTeamAsync());
            return () => coordinator.PostJsonAsync("/api/access/break-glass", new { patient = "Patient/p-100", reason = "Covering the ward tonight: the patient called in." });
        }),

        // Teams.
        ["POST /api/admin/teams/"] = ("team.create", async () =>
        {
            var admin = await App.ClientAsync(Roles.Admin);
            return () => admin.PostJsonAsync("/api/admin/teams", new { name = $"Home visits {NewKey()}", description = "Visits at home." });
        }),
        ["PUT /api/admin/teams/{id}"] = ("team.update", async () =>
        {
            var (admin, team) = await TeamAsync();
            return () => admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{team}", new { name = $"Renamed {NewKey()}" });
        }),
        ["DELETE /api/admin/teams/{id}"] = ("team.delete", async () =>
        {
            var (admin, team) = await TeamAsync();
            return () => admin.DeleteAsync($"/api/admin/teams/{team}", Cancel);
        }),
        ["PUT /api/admin/teams/{id}/members/{userId}"] = ("team.add-member", async () =>
        {
            var (admin, team) = await TeamAsync();
            var user = await AdminApi.CreateUserAsync(admin);
            return () => admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{team}/members/{user.Id()}");
        }),
        ["DELETE /api/admin/teams/{id}/members/{userId}"] = ("team.remove-member", async () =>
        {
            var (admin, team) = await TeamAsync();
            var user = await AdminApi.CreateUserAsync(admin, teams: [team]);
            return () => admin.DeleteAsync($"/api/admin/teams/{team}/members/{user.Id()}", Cancel);
        }),

        // Signing in and out, as a user of its own: the role clients other tests share keep their sessions.
        ["POST /api/auth/login"] = ("session.start", async () =>
        {
            var (_, user) = await UserAsync();
            return () => App.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email(), password = AdminApi.Password });
        }),
        ["POST /api/auth/refresh"] = ("session.refresh", async () =>
        {
            var (_, user) = await UserAsync();
            var tokens = await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
            return () => App.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        }),
        ["POST /api/auth/logout"] = ("session.end", async () =>
        {
            var (_, user) = await UserAsync();
            var signedIn = await App.SignedInAsync(user);
            return () => signedIn.PostAsync("/api/auth/logout", null, Cancel);
        }),
    };

    /// <summary>A request that succeeds for each exempt route, to show it adds no record.</summary>
    private Dictionary<string, Arrange> ExemptRequests() => new(StringComparer.Ordinal)
    {
        ["POST /api/definitions/validate"] = async () =>
        {
            var lead = await App.ClientAsync(Roles.ClinicalLead);
            return () => lead.PostJsonAsync("/api/definitions/validate", DefinitionJson.Valid(UniqueId("validate")));
        },
        ["POST /api/definitions/{definitionId}/validate"] = async () =>
        {
            var (lead, id) = await DraftAsync(DefinitionJson.Valid(UniqueId("validate-stored")));
            return () => lead.PostJsonAsync($"/api/definitions/{id}/validate", null);
        },
    };

    private void AssertEveryMutatingEndpointHasACase(IEnumerable<string> cases)
    {
        var found = MutatingEndpoints();
        var covered = cases.Concat(ExemptBecause.Keys).ToHashSet(StringComparer.Ordinal);
        var uncovered = found.Except(covered).Order(StringComparer.Ordinal).ToList();
        var stale = covered.Except(found).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            uncovered.Count == 0 && stale.Count == 0,
            $"Mutating endpoints without an audit case or exemption: [{string.Join(", ", uncovered)}]. Cases for endpoints the host does not have: [{string.Join(", ", stale)}].");
    }

    /// <summary>Every route and method that can change something, as "METHOD pattern"; a route open to any method counts as each of them.</summary>
    private HashSet<string> MutatingEndpoints()
    {
        string[] mutating = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];
        return App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? mutating)
                .Intersect(mutating, StringComparer.OrdinalIgnoreCase)
                .Select(method => $"{method.ToUpperInvariant()} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Arranges and sends one request, asserts it succeeded, and returns the audit records it added.</summary>
    private async Task<List<AuditRecord>> RecordsAddedByAsync(string endpoint, Arrange arrange)
    {
        var send = await arrange();
        var last = await LastSequenceAsync();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{endpoint} answered {(int)response.StatusCode}: {body}");
        return await RecordsAfterAsync(last);
    }

    private Task<long> LastSequenceAsync() =>
        QueryAsync(async db => await db.AuditRecords.MaxAsync(r => (long?)r.Sequence, Cancel) ?? 0);

    private Task<List<AuditRecord>> RecordsAfterAsync(long sequence) =>
        QueryAsync(db => db.AuditRecords.AsNoTracking().Where(r => r.Sequence > sequence).OrderBy(r => r.Sequence).ToListAsync(Cancel));

    private async Task AssertChainIntactAsync()
    {
        var result = await QueryAsync(db => AuditVerifier.VerifyAsync(db, App.Get<AuditCheckpointKey>(), Cancel));
        Assert.True(result.Intact, result.Problem);
    }

    private static Task<Send> Ready(Send send) => Task.FromResult(send);

    private static async Task SucceedsAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    private static string UniqueId(string prefix) => $"audit-{prefix}-{NewKey()[..8]}";

    /// <summary>A clinical lead and a version 1 draft of <paramref name="definition"/>.</summary>
    private async Task<(HttpClient Lead, string Id)> DraftAsync(JsonObject definition)
    {
        var lead = await App.ClientAsync(Roles.ClinicalLead);
        await SucceedsAsync(lead.PostJsonAsync("/api/definitions", definition));
        return (lead, definition["definitionId"]!.GetValue<string>());
    }

    private async Task<(HttpClient Lead, string Id)> PublishedAsync(string prefix)
    {
        var (lead, id) = await DraftAsync(DefinitionJson.Valid(UniqueId(prefix)));
        await SucceedsAsync(lead.PostJsonAsync($"/api/definitions/{id}/publish", null));
        return (lead, id);
    }

    private async Task<(HttpClient Lead, JsonObject Run)> TestRunAsync(string definitionId)
    {
        var lead = await App.ClientAsync(Roles.ClinicalLead);
        using var started = await lead.PostJsonAsync($"/api/definitions/{definitionId}/test-runs", new { input = TestRunInput });
        return (lead, await started.ReadAsync<JsonObject>(HttpStatusCode.Created));
    }

    /// <summary>A coordinator of a new team, and a task waiting in that team's queue.</summary>
    private async Task<(HttpClient Coordinator, string Task)> OpenTaskAsync()
    {
        var (coordinator, task, _) = await OpenTaskInTeamAsync();
        return (coordinator, task);
    }

    private async Task<(HttpClient Coordinator, string Task, string Team)> OpenTaskInTeamAsync()
    {
        var team = await App.NewTeamAsync();
        var coordinator = await App.CoordinatorAsync(team);
        var (task, _) = await App.TeamTaskAsync(team);
        return (coordinator, task, team);
    }

    /// <summary>An action on an open task, by a coordinator of its team (who has claimed it first when <paramref name="claimed"/>).</summary>
    private async Task<Send> OnOpenTaskAsync(string action, object? body = null, bool claimed = false)
    {
        var (coordinator, task) = await OpenTaskAsync();
        if (claimed)
        {
            await SucceedsAsync(coordinator.PostJsonAsync($"/api/tasks/{task}/claim", null));
        }

        return () => coordinator.PostJsonAsync($"/api/tasks/{task}/{action}", body);
    }

    /// <summary>A user signed in with a client of their own, and the id of the unread notification a colleague's reassignment sent them.</summary>
    private async Task<(HttpClient Recipient, long Notification)> NotifiedAsync()
    {
        var (coordinator, task, team) = await OpenTaskInTeamAsync();
        var colleague = await AdminApi.CreateUserAsync(await App.ClientAsync(Roles.Admin), teams: [team]);
        await SucceedsAsync(coordinator.PostJsonAsync($"/api/tasks/{task}/reassign", new { user = colleague.Id() }));
        var recipient = await App.SignedInAsync(colleague);
        var unread = await GetAsync(recipient, "/api/notifications?unread=true");
        return (recipient, unread["items"]![0]!["id"]!.GetValue<long>());
    }

    private async Task<(HttpClient Admin, JsonObject User)> UserAsync()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        return (admin, await AdminApi.CreateUserAsync(admin));
    }

    /// <summary>A new user with one bearer session open.</summary>
    private async Task<(HttpClient Admin, JsonObject User)> SignedInUserAsync()
    {
        var (admin, user) = await UserAsync();
        await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
        return (admin, user);
    }

    private async Task<(HttpClient Admin, string Team)> TeamAsync()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        return (admin, (await AdminApi.CreateTeamAsync(admin)).Id());
    }

    private static StringContent Fhir(JsonObject resource) => new(resource.ToJsonString(), Encoding.UTF8, "application/fhir+json");

    /// <summary>A finished inpatient encounter of a new patient: a discharge, as the hospital's FHIR feed sends it.</summary>
    private static JsonObject FinishedEncounter()
    {
        var mrn = $"MRN{NewKey()[..10]}";
        var end = DateTimeOffset.UtcNow.AddHours(-1);
        return JsonNode.Parse($$"""
            {
              "resourceType": "Encounter",
              "id": "enc-{{mrn}}",
              "contained": [{
                "resourceType": "Patient", "id": "p",
                "identifier": [{ "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR" }] }, "value": "{{mrn}}" }],
                "name": [{ "family": "Adler", "given": ["Ruth"] }],
                "birthDate": "1948-02-11"
              }],
              "identifier": [{ "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "VN" }] }, "system": "urn:oid:2.16.840.1.113883.3.1", "value": "V{{mrn}}" }],
              "status": "finished",
              "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP" },
              "subject": { "reference": "#p" },
              "period": { "start": "{{end.AddDays(-4):yyyy-MM-ddTHH:mm:ssK}}", "end": "{{end:yyyy-MM-ddTHH:mm:ssK}}" },
              "hospitalization": { "dischargeDisposition": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/discharge-disposition", "code": "home" }] } }
            }
            """)!.AsObject();
    }

    /// <summary>A payer's approval (review action A1) of a prior authorization request nobody waits for yet.</summary>
    private static JsonObject ApprovingClaimResponse()
    {
        var requestId = $"PA-{NewKey()[..8]}";
        return JsonNode.Parse($$"""
            {
              "resourceType": "ClaimResponse",
              "id": "cr-{{requestId}}",
              "status": "active",
              "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional" }] },
              "use": "preauthorization",
              "patient": { "reference": "Patient/51007" },
              "created": "2026-11-30T10:00:00-05:00",
              "insurer": { "display": "Evergreen Medicare Advantage" },
              "request": { "identifier": { "value": "{{requestId}}" } },
              "outcome": "complete",
              "preAuthPeriod": { "start": "2026-12-01", "end": "2027-02-28" },
              "item": [{ "itemSequence": 1, "adjudication": [{
                "category": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/adjudication", "code": "submitted" }] },
                "extension": [{
                  "url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction",
                  "extension": [
                    { "url": "code", "valueCodeableConcept": { "coding": [{ "system": "https://codesystem.x12.org/005010/306", "code": "A1" }] } },
                    { "url": "number", "valueString": "AUTH-{{requestId}}" }
                  ]
                }]
              }] }]
            }
            """)!.AsObject();
    }
}

public sealed class SqliteMutationAuditTests(SqliteApp app) : MutationAuditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMutationAuditTests(PostgresApp app) : MutationAuditTests(app), IClassFixture<PostgresApp>;
