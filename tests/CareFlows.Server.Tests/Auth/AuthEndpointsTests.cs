using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlows.Server.Tests.Auth;

public sealed class AuthEndpointsTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData(Roles.ClinicalLead)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public async Task Each_seeded_demo_user_signs_in_with_a_bearer_token_and_holds_its_role(string role)
    {
        using var client = await App.ClientAsync(role);

        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me", TestContext.Current.CancellationToken);

        Assert.Equal(DemoUsers.All.Single(u => u.Role == role).Email, me!["name"]!.GetValue<string>());
        Assert.Equal([role], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Me_names_the_user_by_id_display_name_and_email_and_gives_the_organisations_time_zone()
    {
        using var client = await App.ClientAsync(Roles.ClinicalLead);
        var lead = DemoUsers.All.Single(u => u.Role == Roles.ClinicalLead);

        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me", TestContext.Current.CancellationToken);

        var id = await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == lead.Email).Select(u => u.Id)));
        Assert.Equal(id, me!["userId"]!.GetValue<string>());
        Assert.Equal(lead.DisplayName, me["displayName"]!.GetValue<string>());
        Assert.Equal(lead.Email, me["email"]!.GetValue<string>());
        Assert.Equal("America/New_York", me["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cookie_sign_in_keeps_the_session_in_a_cookie()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add("Origin", SignIn.Origin);

        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest("auditor@careflows.local", DemoSignIn.Password), TestContext.Current.CancellationToken);
        var me = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        await client.AddAntiforgeryTokenAsync();
        await client.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken);
        var afterLogout = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        using var client = App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("coordinator@careflows.local", "not the password"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{}", new[] { "$.email", "$.password" })]
    [InlineData("""{"password": "x"}""", new[] { "$.email" })]
    [InlineData("""{"email": null, "password": "x"}""", new[] { "$.email" })]
    [InlineData("""{"email": "coordinator@careflows.local"}""", new[] { "$.password" })]
    [InlineData("""{"email": "coordinator@careflows.local", "password": null}""", new[] { "$.password" })]
    public async Task Sign_in_without_an_email_or_password_is_400_naming_each_missing_field(string body, string[] fields)
    {
        using var client = App.CreateClient();

        var response = await client.PostRawAsync("/api/auth/login", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(fields, problem.ErrorFields());
        Assert.Equal(fields[0], problem["jsonPath"]!.GetValue<string>());
        Assert.All(fields, f => Assert.Equal($"'{f[2..]}' is required.", problem.ErrorAt(f)));
        PlainProblems.AssertPlain(problem);
    }

    [Theory]
    [InlineData("null", "$", "A JSON body is required.")]
    [InlineData("[]", "$", "The body must be a JSON object.")]
    [InlineData("""{"email": "a@b.c", "password": 5}""", "$.password", "'password' must be a string, given once.")]
    public async Task Sign_in_with_a_body_of_the_wrong_shape_is_400_naming_the_json_path(string body, string jsonPath, string message)
    {
        using var client = App.CreateClient();

        var problem = await (await client.PostRawAsync("/api/auth/login", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(message, problem.ErrorAt(jsonPath));
        PlainProblems.AssertPlain(problem);
    }

    [Fact]
    public async Task Health_and_the_API_reference_need_no_sign_in_but_the_API_does()
    {
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/instances", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-forged-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}
