using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Security;

/// <summary>
/// Every query parameter of every API read, given SQL, LIKE and JSON metacharacters, control characters and very long
/// values: the answer is 200 with no more rows than a value that matches nothing would give, or 400/422 naming the
/// parameter; never a 500. The data is all there afterwards.
/// </summary>
public abstract class FilterInjectionTests(CareFlowsApp app) : AppTests(app)
{
    /// <summary>A value that is not in any data: what a filter given only literal characters should match.</summary>
    private const string Nothing = "zq-nothing-matches-this";

    private static readonly string[] Hostile =
    [
        "' OR '1'='1",
        "%",
        "_",
        "\\",
        "%_\\%",
        "\"; DROP TABLE \"AspNetUsers\"; --",
        "'); DELETE FROM \"Tasks\"; --",
        "\",\"",
        "*",
        "[a-z]",
        "\u0000",
        "a\r\nX-Injected: 1",
        "\u001b[31m",
        new('x', 5_000),
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_filter_values_match_nothing_extra_and_never_fail()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        await SeedAsync(admin);
        var metric = JsonNode.Parse(await admin.GetStringAsync("/api/metrics", Cancel))![0]!["id"]!.GetValue<string>();
        var ratio = JsonNode.Parse(await admin.GetStringAsync($"/api/metrics/{metric}", Cancel))!["ratios"]![0]!["name"]!.GetValue<string>();

        // What a read needs besides the parameter under test, so that the refusal, if any, is about that parameter.
        var required = new Dictionary<string, (string Name, string Value)>(StringComparer.Ordinal)
        {
            ["/api/metrics/{metric}/items"] = ("ratio", ratio),
        };
        var before = await CountsAsync();
        var failures = new List<string>();
        var requests = 0;

        foreach (var endpoint in ApiEndpoints.Of(App).Where(e => e.Method == "GET"))
        {
            var route = endpoint.PlaceholderUrl();
            if (endpoint.Pattern.Contains("{metric}", StringComparison.Ordinal))
            {
                route = endpoint.Pattern.Replace("{metric}", metric, StringComparison.Ordinal);
            }

            var client = await App.AdmittedClientAsync(endpoint);
            foreach (var (name, _) in HandlerParameters.Of(endpoint.Endpoint).Where(p => p.Source == "query"))
            {
                var url = required.TryGetValue(endpoint.Pattern, out var needed) && needed.Name != name
                    ? $"{route}?{needed.Name}={Uri.EscapeDataString(needed.Value)}&"
                    : $"{route}?";
                var baseline = await SendAsync(client, url, name, Nothing);
                foreach (var value in Hostile)
                {
                    requests++;
                    var answer = await SendAsync(client, url, name, value);
                    var shown = $"{endpoint.Name} ?{name}={Printable(value)}";
                    if (answer.Status >= 500)
                    {
                        failures.Add($"{shown}: {answer.Status} {Shorten(answer.Body)}");
                    }
                    else if (answer.Status is 400 or 422 && !NamesParameter(answer.Body, name))
                    {
                        failures.Add($"{shown}: {answer.Status} without naming '{name}': {Shorten(answer.Body)}");
                    }
                    else if (answer.Status == 200 && baseline.Status == 200 && answer.Rows > baseline.Rows)
                    {
                        failures.Add($"{shown}: {answer.Rows} rows where a value matching nothing gives {baseline.Rows}");
                    }
                }
            }
        }

        Assert.True(requests > 200, $"Only {requests} requests were made.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var after = await CountsAsync();
        Assert.Equal(before with { Records = 0 }, after with { Records = 0 });
        // Reads are audited as they happen: the log has grown, and lost nothing.
        Assert.True(after.Records > before.Records);
    }

    [Fact]
    public async Task The_audit_logs_patient_filter_matches_a_whole_patient_never_a_piece_of_json()
    {
        // Two patients shown by one search: its record lists them as ["Patient/…","Patient/…"].
        var team = await App.NewTeamAsync();
        var first = (await App.TeamTaskAsync(team)).Task;
        var second = (await App.TeamTaskAsync(team)).Task;
        var key = NewKey()[..8];
        await QueryAsync(async db =>
        {
            await db.Tasks.Where(t => t.Id == first).ExecuteUpdateAsync(u => u.SetProperty(t => t.PatientId, $"Patient/a-{key}"), Cancel);
            return await db.Tasks.Where(t => t.Id == second).ExecuteUpdateAsync(u => u.SetProperty(t => t.PatientId, $"Patient/b-{key}"), Cancel);
        });
        await GetAsync(await App.ClientAsync(Roles.Admin), $"/api/tasks?queue=all&team={team}");
        var auditor = await App.ClientAsync(Roles.Auditor);
        Assert.NotEmpty((await GetAsync(auditor, $"/api/audit/records?patient={Uri.EscapeDataString($"Patient/a-{key}")}"))["items"]!.AsArray());

        foreach (var piece in new[] { "\",\"", $"Patient/a-{key}\",\"Patient/b-{key}", "," })
        {
            var found = await GetAsync(auditor, $"/api/audit/records?patient={Uri.EscapeDataString(piece)}");
            // Records naming that very string as their patient (a read of its timeline) are about it; none other is.
            var others = found["items"]!.AsArray().Where(r => r!["patientId"]?.GetValue<string>() != piece).ToList();
            Assert.True(others.Count == 0, $"patient={piece} found records about others: {string.Join(", ", others.Select(r => r!["sequence"]))}");
        }
    }

    /// <summary>Rows behind every list: tasks in two teams' queues (with their patients), and reads of them in the audit log.</summary>
    private async Task SeedAsync(HttpClient admin)
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await App.TeamTaskAsync(await App.NewTeamAsync());
        }

        await GetAsync(admin, "/api/tasks?queue=all");
        await GetAsync(admin, "/api/instances");
    }

    private Task<Counts> CountsAsync() => QueryAsync(async db => new Counts(
        await db.Users.CountAsync(Cancel),
        await db.Tasks.CountAsync(Cancel),
        await db.Instances.CountAsync(Cancel),
        await db.Definitions.CountAsync(Cancel),
        await db.AuditRecords.CountAsync(Cancel)));

    private static async Task<(int Status, string Body, int Rows)> SendAsync(HttpClient client, string url, string name, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            // A stream that opened is all the check needs; its events never end.
            return ((int)response.StatusCode, "", 0);
        }

        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        return ((int)response.StatusCode, body, RowsIn(response, body));
    }

    private sealed record Counts(int Users, int Tasks, int Instances, int Definitions, int Records);

    /// <summary>How many rows an answer holds: its total, its items or entries, or its CSV lines.</summary>
    private static int RowsIn(HttpResponseMessage response, string body)
    {
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        if (media == "text/csv")
        {
            return body.Count(c => c == '\n');
        }

        if (!media.EndsWith("json", StringComparison.Ordinal) || response.StatusCode != HttpStatusCode.OK)
        {
            return 0;
        }

        return JsonNode.Parse(body) switch
        {
            JsonArray array => array.Count,
            JsonObject o when o["total"] is JsonValue total && total.TryGetValue<int>(out var n) => n,
            JsonObject o when o["items"] is JsonArray items => items.Count,
            JsonObject o when o["entry"] is JsonArray entries => entries.Count,
            _ => 0,
        };
    }

    private static bool NamesParameter(string body, string name) =>
        body.StartsWith('{')
        && JsonNode.Parse(body)?["errors"] is JsonObject errors
        // A parameter that may be repeated is named with its index: id[0].
        && errors.Any(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(name + "[", StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;

    private static string Printable(string value) =>
        value.Length > 40 ? $"<{value.Length} chars>" : string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

public sealed class SqliteFilterInjectionTests(SqliteApp app) : FilterInjectionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFilterInjectionTests(PostgresApp app) : FilterInjectionTests(app), IClassFixture<PostgresApp>;
