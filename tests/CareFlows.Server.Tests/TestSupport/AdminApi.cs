using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Users and teams made through the admin API, each unique to the test that makes it.</summary>
public static class AdminApi
{
    public const string Password = "Admin-Set-Password-1";

    public static async Task<JsonObject> CreateTeamAsync(HttpClient admin, string? name = null)
    {
        using var response = await admin.PostJsonAsync("/api/admin/teams", new { name = name ?? $"Team {Guid.NewGuid():N}" });
        return await response.ReadAsync<JsonObject>(HttpStatusCode.Created);
    }

    /// <summary>Creates a user with <see cref="Password"/>; returns the answer (with <c>id</c> and <c>email</c>).</summary>
    public static async Task<JsonObject> CreateUserAsync(HttpClient admin, string[]? roles = null, string[]? teams = null, string? displayName = null)
    {
        var email = $"user-{Guid.NewGuid():N}@careflows.test";
        using var response = await admin.PostJsonAsync("/api/admin/users", new
        {
            email,
            displayName = displayName ?? $"User {email[5..13]}",
            password = Password,
            roles = roles ?? [Roles.Coordinator],
            teams = teams ?? [],
        });
        return await response.ReadAsync<JsonObject>(HttpStatusCode.Created);
    }

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();

    public static string Email(this JsonNode node) => node["email"]!.GetValue<string>();

    /// <summary>The string values of a JSON array member.</summary>
    public static List<string> Strings(this JsonNode node, string member) => [.. node[member]!.AsArray().Select(v => v!.GetValue<string>())];

    /// <summary>The ids of a JSON array member's objects.</summary>
    public static List<string> Ids(this JsonNode node, string member) => [.. node[member]!.AsArray().Select(v => v!.Id())];
}
