using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Users;

/// <summary>The user admin API on the real host: create, list, change, deactivate, reset passwords; admins only.</summary>
public abstract class UsersEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private static readonly string[] LowerCaseCoordinator = ["coordinator"];
    private static readonly string[] LeadAndAuditor = [Roles.ClinicalLead, Roles.Auditor];
    private static readonly string[] AuditorOnly = [Roles.Auditor];

    [Fact]
    public async Task An_admin_creates_a_user_who_signs_in_with_the_initial_password_and_sees_their_teams()
    {
        using var admin = await App.ClientAsync();
        var team = await AdminApi.CreateTeamAsync(admin);

        var email = $"new-{NewKey()}@careflows.test";
        using var response = await admin.PostJsonAsync("/api/admin/users", new
        {
            email,
            displayName = "Noor Haddad",
            password = AdminApi.Password,
            roles = LowerCaseCoordinator,
            teams = new[] { team.Id() },
        });
        var user = await response.ReadAsync<JsonObject>(HttpStatusCode.Created);

        Assert.Equal($"/api/admin/users/{user.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(email, user.Email());
        Assert.Equal("Noor Haddad", user["displayName"]!.GetValue<string>());
        Assert.Equal([Roles.Coordinator], user.Strings("roles"));
        Assert.Equal([team.Id()], user.Ids("teams"));
        Assert.True(user["active"]!.GetValue<bool>());
        using var self = App.BearerClient((await SignIn.BearerAsync(App.CreateClient(), email, AdminApi.Password)).AccessToken);
        using var meResponse = await self.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        var me = await meResponse.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal([team.Id()], me.Ids("teams"));
        using var mine = await self.GetAsync("/api/me/teams", TestContext.Current.CancellationToken);
        Assert.Equal(team["name"]!.GetValue<string>(), Assert.Single(await mine.ReadAsync<JsonArray>(HttpStatusCode.OK))!["name"]!.GetValue<string>());
        using var read = await admin.GetAsync($"/api/admin/users/{user.Id()}", TestContext.Current.CancellationToken);
        Assert.Equal(user.ToJsonString(), (await read.ReadAsync<JsonObject>(HttpStatusCode.OK)).ToJsonString());
    }

    [Fact]
    public async Task Users_are_listed_by_text_role_team_and_whether_they_are_active_a_page_at_a_time()
    {
        using var admin = await App.ClientAsync();
        var marker = NewKey()[..10];
        var team = await AdminApi.CreateTeamAsync(admin);
        var coordinator = await AdminApi.CreateUserAsync(admin, [Roles.Coordinator], [team.Id()], $"Coordinator {marker}");
        var auditor = await AdminApi.CreateUserAsync(admin, [Roles.Auditor], [], $"Auditor {marker.ToUpperInvariant()}");
        (await admin.PostJsonAsync($"/api/admin/users/{auditor.Id()}/deactivate", null)).Dispose();

        Assert.Equal(Sorted([auditor.Id(), coordinator.Id()]), Sorted(await ListAsync(admin, $"q={marker}")));
        Assert.Equal([coordinator.Id()], await ListAsync(admin, $"q={marker}&role=coordinator"));
        Assert.Equal([coordinator.Id()], await ListAsync(admin, $"team={team.Id()}"));
        Assert.Equal([auditor.Id()], await ListAsync(admin, $"q={marker}&active=false"));
        Assert.Equal([coordinator.Id()], await ListAsync(admin, $"q={marker}&active=true"));
        Assert.Equal([coordinator.Email()], await ListAsync(admin, $"q={coordinator.Email()[..20]}", "email"));
        using var paged = await admin.GetAsync($"/api/admin/users?q={marker}&pageSize=1&page=2", TestContext.Current.CancellationToken);
        var page = await paged.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Single(page["items"]!.AsArray());
        Assert.Equal(2, page["page"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("role=nurse", "role")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_list_filter_out_of_range_is_422_keyed_by_its_name(string query, string key)
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.GetAsync($"/api/admin/users?{query}", TestContext.Current.CancellationToken);

        Assert.Equal([key], (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task A_list_filter_that_does_not_parse_is_400_keyed_by_its_name()
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.GetAsync("/api/admin/users?active=maybe", TestContext.Current.CancellationToken);

        Assert.Equal(["active"], (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Patch_changes_only_what_it_names_and_put_replaces_name_roles_and_teams()
    {
        using var admin = await App.ClientAsync();
        var (first, second) = (await AdminApi.CreateTeamAsync(admin), await AdminApi.CreateTeamAsync(admin));
        var user = await AdminApi.CreateUserAsync(admin, [Roles.Coordinator], [first.Id()]);
        using var session = await App.SignedInAsync(user);

        var renamed = await SendAsync(admin, HttpMethod.Patch, user, new { displayName = "Renamed Person" });
        Assert.Equal("Renamed Person", renamed["displayName"]!.GetValue<string>());
        Assert.Equal([Roles.Coordinator], renamed.Strings("roles"));
        Assert.Equal([first.Id()], renamed.Ids("teams"));
        Assert.Equal(HttpStatusCode.OK, await session.MeAsync());

        var moved = await SendAsync(admin, HttpMethod.Patch, user, new { teams = new[] { second.Id(), first.Id() } });
        Assert.Equal(Sorted([first.Id(), second.Id()]), Sorted(moved.Ids("teams")));
        Assert.Equal(HttpStatusCode.OK, await session.MeAsync());

        var replaced = await SendAsync(admin, HttpMethod.Put, user, new { displayName = "Replaced", roles = LeadAndAuditor, teams = Array.Empty<string>() });
        Assert.Equal("Replaced", replaced["displayName"]!.GetValue<string>());
        Assert.Equal([Roles.Auditor, Roles.ClinicalLead], replaced.Strings("roles"));
        Assert.Empty(replaced.Ids("teams"));
        // A change of roles ends the user's sessions, so that new ones carry the new roles.
        Assert.Equal(HttpStatusCode.Unauthorized, await session.MeAsync());
    }

    [Fact]
    public async Task Put_without_every_member_is_422_naming_each_one_missing()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);

        using var response = await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{user.Id()}", new { displayName = "Only a name" });

        Assert.Equal(["$.roles", "$.teams"], Sorted((await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields()));
    }

    [Fact]
    public async Task Deactivation_ends_every_session_and_refuses_sign_in_until_the_user_is_activated_again()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var session = await App.SignedInAsync(user);

        using var deactivate = await admin.PostJsonAsync($"/api/admin/users/{user.Id()}/deactivate", null);
        var deactivated = await deactivate.ReadAsync<JsonObject>(HttpStatusCode.OK);

        Assert.False(deactivated["active"]!.GetValue<bool>());
        Assert.NotNull(deactivated["deactivatedAt"]);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(user.Email(), AdminApi.Password));

        using var activate = await admin.PostJsonAsync($"/api/admin/users/{user.Id()}/activate", null);
        Assert.True((await activate.ReadAsync<JsonObject>(HttpStatusCode.OK))["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(user.Email(), AdminApi.Password));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_and_only_the_new_password_signs_in()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        var tokens = await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
        using var session = App.BearerClient(tokens.AccessToken);
        using var browser = await App.CookieClientAsync(user.Email(), password: AdminApi.Password);

        using var reset = await admin.PostJsonAsync($"/api/admin/users/{user.Id()}/reset-password", new { password = "Brand-New-Password-2" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.MeAsync());
        using var refresh = await App.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(user.Email(), AdminApi.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(user.Email(), "Brand-New-Password-2"));
    }

    [Fact]
    public async Task A_weak_new_password_is_422_keyed_by_its_json_path_and_changes_nothing()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);

        using var reset = await admin.PostJsonAsync($"/api/admin/users/{user.Id()}/reset-password", new { password = "short" });

        Assert.Equal(["$.password"], (await reset.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(user.Email(), AdminApi.Password));
    }

    public static TheoryData<string, string[]> BadUsers => new()
    {
        { """{"displayName": "A", "password": "Long-Enough-Pass-1", "roles": ["Coordinator"]}""", ["$.email"] },
        { """{"email": "not-an-email", "displayName": "A", "password": "Long-Enough-Pass-1", "roles": ["Coordinator"]}""", ["$.email"] },
        { """{"email": "a@careflows.test", "displayName": "A", "password": "weak", "roles": ["Coordinator"]}""", ["$.password"] },
        { """{"email": "a@careflows.test", "displayName": "A", "password": "Long-Enough-Pass-1", "roles": ["Coordinator", "Nurse"]}""", ["$.roles[1]"] },
        { """{"email": "a@careflows.test", "displayName": "A", "password": "Long-Enough-Pass-1", "roles": []}""", ["$.roles"] },
        { """{"email": "a@careflows.test", "displayName": "A", "password": "Long-Enough-Pass-1", "roles": ["Coordinator"], "teams": ["no-such-team"]}""", ["$.teams[0]"] },
        { """{"email": "a@careflows.test", "displayName": " ", "roles": ["Coordinator"]}""", ["$.displayName", "$.password"] },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task A_user_that_breaks_a_rule_is_422_keyed_by_json_path_and_not_created(string body, string[] keys)
    {
        using var admin = await App.ClientAsync();
        var before = await UserCountAsync();

        using var response = await admin.PostRawAsync("/api/admin/users", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(keys, Sorted(problem.ErrorFields()));
        PlainProblems.AssertPlain(problem);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_400_naming_the_json_path()
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.PostRawAsync("/api/admin/users", """{"email": 5, "displayName": "A", "password": "Long-Enough-Pass-1", "roles": ["Coordinator"]}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$.email", problem["jsonPath"]!.GetValue<string>());
        PlainProblems.AssertPlain(problem);
    }

    [Fact]
    public async Task An_email_already_in_use_is_409_in_any_case()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);

        using var response = await admin.PostJsonAsync("/api/admin/users", new
        {
            email = user.Email().ToUpperInvariant(),
            displayName = "Twin",
            password = AdminApi.Password,
            roles = AuditorOnly,
        });

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_user_ids_are_404()
    {
        using var admin = await App.ClientAsync();
        const string Url = "/api/admin/users/no-such-user";

        await (await admin.GetAsync(Url, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Patch, Url, new { displayName = "X" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync($"{Url}/deactivate", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync($"{Url}/reset-password", new { password = "Long-Enough-Pass-1" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_or_take_their_own_admin_role()
    {
        using var admin = await App.ClientAsync();
        using var meResponse = await admin.GetAsync("/api/admin/users?q=admin@careflows.local", TestContext.Current.CancellationToken);
        var self = Assert.Single((await meResponse.ReadAsync<JsonObject>(HttpStatusCode.OK))["items"]!.AsArray())!;

        await (await admin.PostJsonAsync($"/api/admin/users/{self.Id()}/deactivate", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.SendJsonAsync(HttpMethod.Patch, $"/api/admin/users/{self.Id()}", new { roles = AuditorOnly })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, await admin.MeAsync());
    }

    [Theory]
    [InlineData(Roles.ClinicalLead)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    public async Task Other_roles_get_403_and_change_nothing(string role)
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var client = await App.ClientAsync(role);
        var url = $"/api/admin/users/{user.Id()}";
        var before = await UserCountAsync();

        await (await client.GetAsync("/api/admin/users", TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(url, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("/api/admin/users", new { email = "x@careflows.test" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.SendJsonAsync(HttpMethod.Put, url, new { displayName = "X" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.SendJsonAsync(HttpMethod.Patch, url, new { displayName = "X" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"{url}/deactivate", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"{url}/activate", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"{url}/reset-password", new { password = "Long-Enough-Pass-1" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await UserCountAsync());
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(user.Email(), AdminApi.Password));
    }

    [Fact]
    public async Task A_cookie_signed_in_admin_needs_the_antiforgery_token_to_change_a_user()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var browser = await App.CookieClientAsync("admin@careflows.local", password: DemoSignIn.Password);

        await (await browser.PostJsonAsync($"/api/admin/users/{user.Id()}/deactivate", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await browser.AddAntiforgeryTokenAsync();
        using var deactivated = await browser.PostJsonAsync($"/api/admin/users/{user.Id()}/deactivate", null);

        Assert.False((await deactivated.ReadAsync<JsonObject>(HttpStatusCode.OK))["active"]!.GetValue<bool>());
    }

    private static async Task<JsonObject> SendAsync(HttpClient admin, HttpMethod method, JsonNode user, object body)
    {
        using var response = await admin.SendJsonAsync(method, $"/api/admin/users/{user.Id()}", body);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    private static async Task<List<string>> ListAsync(HttpClient admin, string query, string member = "id")
    {
        using var response = await admin.GetAsync($"/api/admin/users?{query}", TestContext.Current.CancellationToken);
        var page = await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(u => u![member]!.GetValue<string>())];
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string email, string password)
    {
        using var client = App.CreateClient();
        using var response = await client.PostJsonAsync("/api/auth/login", new { email, password });
        return response.StatusCode;
    }

    private Task<int> UserCountAsync() => QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users));

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];
}

public sealed class SqliteUsersEndpointsTests(SqliteApp app) : UsersEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUsersEndpointsTests(PostgresApp app) : UsersEndpointsTests(app), IClassFixture<PostgresApp>;
