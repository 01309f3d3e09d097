using System.Text;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CareFlows.Server.Tests.Auth;

/// <summary>
/// Every API route and method the host maps, asked by every kind of caller: the answer must be the one its
/// authorization metadata promises, read through <see cref="Admits"/>, the one table of who each policy lets in. A new
/// endpoint is covered as soon as it is mapped; a new policy fails here until the table names it.
/// </summary>
public abstract class RoleMatrixTests(CareFlowsApp app) : AppTests(app)
{
    /// <summary>Who calls: nobody signed in, a demo user of each role, or a sending system with its feed key.</summary>
    private enum Caller
    {
        Anonymous,
        ClinicalLead,
        Coordinator,
        Auditor,
        Admin,
        FeedClient,
    }

    /// <summary>The demo hospital's key: it holds the ADT and Encounter scopes, not the payer's or the referrals'.</summary>
    private const string FeedKey = FeedClientOptions.DemoAdtKey;

    /// <summary>The policy an endpoint gets when it names none: the host's fallback, any signed-in user.</summary>
    private const string Fallback = "(fallback: signed in)";

    private static readonly Caller[] Users = [Caller.ClinicalLead, Caller.Coordinator, Caller.Auditor, Caller.Admin];

    private static readonly Caller[] EveryCaller = Enum.GetValues<Caller>();

    /// <summary>
    /// Who each policy lets in. User policies read the session scheme, so a feed key is nobody to them (401); feed
    /// policies read the feed-key scheme only, so a user's session is nobody to them (401).
    /// </summary>
    private static readonly Dictionary<string, (bool FeedScheme, Caller[] Admitted)> Admits = new(StringComparer.Ordinal)
    {
        [Fallback] = (false, Users),
        [Policies.AnyRole] = (false, Users),
        [Policies.DefinitionWrite] = (false, [Caller.ClinicalLead, Caller.Admin]),
        [Policies.InstanceWrite] = (false, [Caller.ClinicalLead, Caller.Coordinator, Caller.Admin]),
        [Policies.InstanceRead] = (false, [Caller.Coordinator, Caller.Auditor, Caller.Admin]),
        [Policies.MetricsRead] = (false, [Caller.ClinicalLead, Caller.Auditor, Caller.Admin]),
        [Policies.InstanceAdmin] = (false, [Caller.Admin]),
        [Policies.Inbox] = (false, [Caller.Coordinator, Caller.Auditor, Caller.Admin]),
        [Policies.InboxWork] = (false, [Caller.Coordinator, Caller.Admin]),
        [Policies.MetricItems] = (false, [Caller.Auditor, Caller.Admin]),
        [Policies.AuditRead] = (false, [Caller.Auditor, Caller.Admin]),
        [Policies.BreakGlass] = (false, [Caller.Coordinator]),
        [Policies.UserAdmin] = (false, [Caller.Admin]),
        [FeedScopes.Policy(FeedScopes.Adt)] = (true, [Caller.FeedClient]),
        [FeedScopes.Policy(FeedScopes.Encounters)] = (true, [Caller.FeedClient]),
        [FeedScopes.Policy(FeedScopes.PayerDecisions)] = (true, []),
        [FeedScopes.Policy(FeedScopes.Referrals)] = (true, []),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_policy_an_endpoint_names_is_in_the_table()
    {
        var unknown = Endpoints()
            .SelectMany(PoliciesOf)
            .Where(p => !Admits.ContainsKey(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unknown.Count == 0, $"Policies the role matrix does not know; say whom they admit in {nameof(Admits)}: [{string.Join(", ", unknown)}]");
    }

    [Fact]
    public void The_table_keeps_patient_data_from_clinical_leads_and_changes_from_auditors()
    {
        var expected = new Dictionary<string, Expected>(StringComparer.Ordinal)
        {
            ["GET /api/instances/"] = Expected.Forbidden,
            ["GET /api/instances/{id}"] = Expected.Forbidden,
            ["GET /api/tasks/"] = Expected.Forbidden,
            ["GET /api/tasks/{id}"] = Expected.Forbidden,
            ["GET /fhir/Task"] = Expected.Forbidden,
            ["GET /api/metrics/{metric}/items"] = Expected.Forbidden,
            ["GET /api/audit/records"] = Expected.Forbidden,
            ["GET /api/audit/instances/{instanceId}/timeline"] = Expected.Forbidden,
            ["POST /api/definitions/"] = Expected.Admitted,
            ["GET /api/metrics/{metric}"] = Expected.Admitted,
        };
        var endpoints = Endpoints().ToDictionary(e => e.Name, StringComparer.Ordinal);
        var seen = expected.Keys.ToDictionary(k => k, k => ExpectedFor(endpoints[k], Caller.ClinicalLead), StringComparer.Ordinal);
        Assert.Equal(expected, seen);

        // Auditors read everything and change nothing: no write is open to them but signing out and marking their own notifications read.
        string[] auditorsOwn = ["POST /api/auth/logout", "POST /api/definitions/validate", "POST /api/definitions/{definitionId}/validate", "POST /api/notifications/{id:long}/read", "POST /api/notifications/read-all", "POST /api/tasks/filters/", "DELETE /api/tasks/filters/{id}"];
        var auditorWrites = endpoints.Values
            .Where(e => e.Method != HttpMethods.Get && !e.AllowsAnonymous && ExpectedFor(e, Caller.Auditor) == Expected.Admitted)
            .Select(e => e.Name)
            .Except(auditorsOwn)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(auditorWrites.Count == 0, $"Writes open to auditors: [{string.Join(", ", auditorWrites)}]");
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_policies_say()
    {
        var endpoints = Endpoints();
        var unknown = endpoints.SelectMany(PoliciesOf).Where(p => !Admits.ContainsKey(p)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"Policies without a row in {nameof(Admits)}: [{string.Join(", ", unknown)}]");

        var clients = new Dictionary<Caller, HttpClient>();
        foreach (var caller in EveryCaller)
        {
            clients[caller] = await ClientForAsync(caller);
        }

        var problems = new List<string>();
        var matrix = new StringBuilder();
        matrix.AppendLine($"{endpoints.Count} endpoints x {EveryCaller.Length} callers");
        foreach (var endpoint in endpoints)
        {
            var row = new List<string>();
            foreach (var caller in EveryCaller)
            {
                var expected = ExpectedFor(endpoint, caller);
                var status = await SendAsync(clients[caller], endpoint);
                row.Add($"{caller}={status}");
                if (!Matches(expected, status))
                {
                    problems.Add($"{endpoint.Name} as {caller}: expected {expected}, got {status}");
                }

                // Signing out ends the caller's session: the rest of the matrix needs a live one.
                if (endpoint.Name == "POST /api/auth/logout" && caller != Caller.Anonymous)
                {
                    clients[caller] = await ClientForAsync(caller);
                }
            }

            matrix.AppendLine($"{endpoint.Name}: {string.Join(' ', row)}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(matrix.ToString());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>What an endpoint must answer a caller.</summary>
    private enum Expected
    {
        /// <summary>Anything but 401 and 403: placeholder ids and empty bodies make 400, 404 and 422 fine.</summary>
        Admitted,
        Unauthorized,
        Forbidden,
    }

    private static bool Matches(Expected expected, int status) => expected switch
    {
        Expected.Unauthorized => status == StatusCodes.Status401Unauthorized,
        Expected.Forbidden => status == StatusCodes.Status403Forbidden,
        _ => status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden) && status < 500,
    };

    private static Expected ExpectedFor(ApiEndpoint endpoint, Caller caller)
    {
        if (endpoint.AllowsAnonymous)
        {
            return Expected.Admitted;
        }

        var rows = PoliciesOf(endpoint).Select(p => Admits[p]).ToList();
        var feed = rows.Any(r => r.FeedScheme);
        var authenticated = caller != Caller.Anonymous && (caller == Caller.FeedClient) == feed;
        if (!authenticated)
        {
            return Expected.Unauthorized;
        }

        return rows.All(r => r.Admitted.Contains(caller)) ? Expected.Admitted : Expected.Forbidden;
    }

    private async Task<HttpClient> ClientForAsync(Caller caller)
    {
        switch (caller)
        {
            case Caller.Anonymous:
                return App.CreateClient();
            case Caller.FeedClient:
                return App.FeedClient(FeedKey);
            default:
                // A session of the matrix's own: signing out here must not end the one other tests share.
                using (var anonymous = App.CreateClient())
                {
                    return App.BearerClient(await DemoSignIn.BearerTokenAsync(anonymous, caller.ToString(), Cancel));
                }
        }
    }

    private static async Task<int> SendAsync(HttpClient client, ApiEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.PlaceholderUrl());
        if (endpoint.Method is not ("GET" or "DELETE" or "HEAD"))
        {
            request.Content = new StringContent("", Encoding.UTF8, "application/json");
        }

        // Streams stay open: the status line is all the matrix needs.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return (int)response.StatusCode;
    }

    private List<ApiEndpoint> Endpoints() => ApiEndpoints.Of(App);

    /// <summary>The policies an endpoint asks for, by name: the fallback when it names none.</summary>
    private static List<string> PoliciesOf(ApiEndpoint endpoint)
    {
        var policies = endpoint.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (policies.Count == 0)
        {
            return [Fallback];
        }

        // Roles or schemes named on an endpoint instead of a policy would bypass the table: they show as unknown.
        return [.. policies.Select(d => d.Policy ?? $"(roles '{d.Roles}', schemes '{d.AuthenticationSchemes}')")];
    }
}

public sealed class SqliteRoleMatrixTests(SqliteApp app) : RoleMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRoleMatrixTests(PostgresApp app) : RoleMatrixTests(app), IClassFixture<PostgresApp>;
