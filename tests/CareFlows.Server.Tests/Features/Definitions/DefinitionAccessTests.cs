using System.Net;
using System.Net.Http.Headers;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Definitions;

public abstract class DefinitionAccessTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    private const long DefaultLimit = 4 * 1024 * 1024;

    public static TheoryData<string> ReadOnlyRoles => [Roles.Coordinator, Roles.Auditor];

    [Theory]
    [MemberData(nameof(ReadOnlyRoles))]
    public async Task Coordinators_and_auditors_read_definitions_but_cannot_change_them(string role)
    {
        var id = UniqueId("access");
        using (var lead = await LeadAsync())
        {
            await CreateAsync(lead, DefinitionJson.Valid(id));
        }

        using var client = await App.ClientAsync(role);
        var before = await SnapshotAsync();

        await GetAsync(client, "/api/definitions");
        await GetAsync(client, $"/api/definitions/{id}");
        await GetAsync(client, "/api/activities");
        await PostAsync(client, "/api/definitions/validate", DefinitionJson.Valid(id), HttpStatusCode.OK);
        await PostAsync(client, "/api/definitions", DefinitionJson.Valid(UniqueId("denied")), HttpStatusCode.Forbidden);
        await PostAsync(client, "/api/definitions/import?publish=true", DefinitionJson.Valid(UniqueId("denied")), HttpStatusCode.Forbidden);
        await PutAsync(client, id, DefinitionJson.Valid(id, "changed"), HttpStatusCode.Forbidden);
        await PostAsync(client, $"/api/definitions/{id}/publish", null, HttpStatusCode.Forbidden);
        await PostAsync(client, $"/api/definitions/{id}/revert/1", null, HttpStatusCode.Forbidden);
        await SendAsync(client, HttpMethod.Delete, $"/api/definitions/{id}/draft", null, HttpStatusCode.Forbidden);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_admin_may_change_definitions()
    {
        using var admin = await App.ClientAsync(Roles.Admin);

        await CreateAsync(admin, DefinitionJson.Valid(UniqueId("admin")));
    }

    [Fact]
    public async Task Requests_without_a_token_answer_401()
    {
        using var anonymous = App.CreateClient();

        await SendAsync(anonymous, HttpMethod.Get, "/api/definitions", null, HttpStatusCode.Unauthorized);
        await SendAsync(anonymous, HttpMethod.Get, "/api/activities", null, HttpStatusCode.Unauthorized);
        await PostAsync(anonymous, "/api/definitions/import", DefinitionJson.Valid(UniqueId("anonymous")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_answers_413_whether_its_length_is_declared_or_not()
    {
        using var client = await LeadAsync();
        var before = await SnapshotAsync();
        var oversized = OversizedDefinition();

        var declared = await SendAsync(client, HttpMethod.Post, "/api/definitions/import", Json(oversized), HttpStatusCode.RequestEntityTooLarge);
        var chunked = await SendAsync(client, HttpMethod.Post, "/api/definitions", new UndeclaredLengthContent(oversized), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(413, declared!["status"]!.GetValue<int>());
        Assert.Equal(413, chunked!["status"]!.GetValue<int>());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_openapi_document_names_every_definitions_operation()
    {
        using var client = await LeadAsync();

        var document = await GetAsync(client, "/openapi/v1.json");

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]?.GetValue<string>()))
            .ToHashSet();
        var expected = new HashSet<string?>
        {
            "ListDefinitions", "GetDefinition", "ListDefinitionVersions", "ExportDefinition", "ImportDefinitions", "CreateDefinition",
            "SaveDefinitionDraft", "ValidateDefinition", "ValidateStoredDefinition", "PublishDefinition", "RevertDefinition",
            "DeleteDefinitionDraft", "ListActivities",
        };
        Assert.Superset(expected, operations);
    }

    // A valid definition padded past the default limit with a long description.
    private static byte[] OversizedDefinition()
    {
        var definition = DefinitionJson.Valid(UniqueId("oversized"));
        definition["description"] = new string('x', (int)DefaultLimit);
        return System.Text.Encoding.UTF8.GetBytes(definition.ToJsonString());
    }

    /// <summary>A body sent without Content-Length, so only reading it can find it too large.</summary>
    private sealed class UndeclaredLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UndeclaredLengthContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class SqliteDefinitionAccessTests(SqliteApp app) : DefinitionAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDefinitionAccessTests(PostgresApp app) : DefinitionAccessTests(app), IClassFixture<PostgresApp>;
