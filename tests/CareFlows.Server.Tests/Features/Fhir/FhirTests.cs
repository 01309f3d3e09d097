using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareFlows.Server.Tests.Features.Fhir;

/// <summary>What the FHIR API's tests share: tasks made through the inbox test pathway, signed-in clients, and answers read with the Firely parser.</summary>
public abstract class FhirTests(CareFlowsApp app) : AppTests(app)
{
    protected const string FhirJsonMediaType = "application/fhir+json";

    protected Task<string> NewTeamAsync() => App.NewTeamAsync();

    /// <summary>An instance of the inbox test pathway whose task waits in <paramref name="team"/>'s queue: its task id and instance id.</summary>
    protected Task<(string Task, string InstanceId)> TeamTaskAsync(string team) => App.TeamTaskAsync(team);

    /// <summary>A new coordinator in <paramref name="team"/>, signed in.</summary>
    protected async Task<Coordinator> CoordinatorAsync(string team, string? displayName = null)
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin, teams: [team], displayName: displayName);
        return new Coordinator(await App.SignedInAsync(user), user.Id());
    }

    protected static async Task<T> ReadFhirAsync<T>(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
        where T : Resource
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{url}: expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal(FhirJsonMediaType, response.Content.Headers.ContentType?.MediaType);
        // The Firely R4 deserializer validates as it reads: an answer that breaks FHIR's rules fails here.
        return new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<T>(body);
    }

    /// <summary>The single issue of an OperationOutcome answer with the expected status.</summary>
    protected static async Task<OperationOutcome.IssueComponent> IssueAsync(HttpClient client, string url, HttpStatusCode expected, OperationOutcome.IssueType code)
    {
        var outcome = await ReadFhirAsync<OperationOutcome>(client, url, expected);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal((OperationOutcome.IssueSeverity.Error, code), (issue.Severity, issue.Code));
        return issue;
    }

    protected static async Task<JsonObject> PostAsync(HttpClient client, string url, object? body)
    {
        using var response = await client.PostJsonAsync(url, body);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    /// <summary>A signed-in coordinator: their client and user id.</summary>
    protected sealed record Coordinator(HttpClient Client, string Id) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>A FHIR dateTime as UTC, to compare with stored times (which may hold finer fractions than the text).</summary>
    protected static DateTime Utc(FhirDateTime? value) => Assert.IsType<FhirDateTime>(value).ToDateTimeOffset(TimeSpan.Zero).UtcDateTime;

    protected static void Near(DateTime? expected, DateTime actual) =>
        Assert.True(expected is { } e && Math.Abs((e - actual).TotalMilliseconds) < 1, $"expected {expected:O}, got {actual:O}");
}
