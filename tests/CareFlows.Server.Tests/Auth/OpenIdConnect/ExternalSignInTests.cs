using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.OpenIdConnect;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

/// <summary>
/// Signing in through the organisation's OpenID provider, the whole redirect dance over HTTP: the user linked to the
/// provider's subject is created or found, given the roles and teams the claims map to on every sign-in, and signed in
/// with a CareFlows session like any other; whatever fails verification is refused, and every step is recorded.
/// </summary>
public abstract class ExternalSignInTests(CareFlowsApp app, TestOpenIdProvider provider) : AppTests(app)
{
    private const string Coordinators = "careflows-coordinators";
    private const string Leads = "careflows-leads";
    private const string Referrals = "grp-referrals";
    private const string Transitions = "grp-transitions";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_sign_in_creates_the_linked_user_with_the_mapped_roles_and_teams()
    {
        using var browser = Browser();
        var identity = TestIdentity.New([Coordinators, "printer-users"], [Referrals, Transitions, OpenIdConnectSettings.GroupOfNoTeam, "all-staff"]);
        var last = await LastSequenceAsync();

        Assert.Equal("/inbox", await browser.SignInAsync(new TestLogin(identity)));

        var me = (await browser.MeAsync())!;
        Assert.Equal([Roles.Coordinator], me.Strings("roles"));
        Assert.Equal(["referrals", "transitions-of-care"], me.Ids("teams").Order(StringComparer.Ordinal));
        Assert.Equal((identity.Email, identity.Name), (me["email"]!.GetValue<string>(), me["displayName"]!.GetValue<string>()));
        var userId = me["userId"]!.GetValue<string>();
        var login = await QueryAsync(db => db.UserLogins.AsNoTracking().SingleAsync(l => l.UserId == userId, Cancel));
        Assert.Equal((OpenIdConnectSignInOptions.ProviderId, identity.Subject), (login.LoginProvider, login.ProviderKey));

        // The account and the session are recorded together, by the user, in the order they were made.
        var records = await RecordsAfterAsync(last);
        Assert.Equal([ExternalSignIn.ProvisionOperation, "session.start"], records.Select(r => r.Operation));
        Assert.All(records, r => Assert.Equal((AuditActorTypes.User, userId, AuditOutcomes.Success), (r.ActorType, r.ActorId, r.Outcome)));
        Assert.Null(records[0].Before);
        var created = JsonNode.Parse(records[0].After!)!;
        Assert.Equal([Roles.Coordinator], created.Strings("roles"));
        Assert.Equal(["referrals", "transitions-of-care"], created.Ids("teams").Order(StringComparer.Ordinal));
        Assert.Equal(OpenIdConnectSignInOptions.ProviderId, JsonNode.Parse(records[1].After!)!["provider"]!.GetValue<string>());
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Each_sign_in_makes_roles_and_teams_what_the_claims_say_and_records_before_and_after()
    {
        var key = NewKey();
        using var first = Browser();
        await first.SignInAsync(new TestLogin(TestIdentity.New(key, [Coordinators], [Referrals])));
        var userId = (await first.MeAsync())!["userId"]!.GetValue<string>();
        var last = await LastSequenceAsync();

        using var second = Browser();
        await second.SignInAsync(new TestLogin(TestIdentity.New(key, [Leads], [Transitions])));

        var me = (await second.MeAsync())!;
        Assert.Equal(userId, me["userId"]!.GetValue<string>());
        Assert.Equal([Roles.ClinicalLead], me.Strings("roles"));
        Assert.Equal(["transitions-of-care"], me.Ids("teams"));
        var records = await RecordsAfterAsync(last);
        Assert.Equal([ExternalSignIn.SyncOperation, "session.start"], records.Select(r => r.Operation));
        var (before, after) = (JsonNode.Parse(records[0].Before!)!, JsonNode.Parse(records[0].After!)!);
        Assert.Equal([Roles.Coordinator], before.Strings("roles"));
        Assert.Equal(["referrals"], before.Ids("teams"));
        Assert.Equal([Roles.ClinicalLead], after.Strings("roles"));
        Assert.Equal(["transitions-of-care"], after.Ids("teams"));
        // A change of roles ends the user's other sessions, as an admin's would.
        Assert.Null(await first.MeAsync());

        // Nothing changed: the session is the one record.
        last = await LastSequenceAsync();
        using var third = Browser();
        await third.SignInAsync(new TestLogin(TestIdentity.New(key, [Leads], [Transitions])));
        Assert.Equal(["session.start"], (await RecordsAfterAsync(last)).Select(r => r.Operation));
        Assert.NotNull(await second.MeAsync());
    }

    [Fact]
    public async Task Role_values_the_map_does_not_name_give_no_role_and_the_API_refuses()
    {
        using var browser = Browser();
        await browser.SignInAsync(new TestLogin(TestIdentity.New(["careflows-Coordinators-typo", "Admin"], [])));

        var me = (await browser.MeAsync())!;
        Assert.Empty(me.Strings("roles"));
        Assert.Empty(me.Ids("teams"));
        using var definitions = await browser.App.GetAsync("/api/definitions", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, definitions.StatusCode);
    }

    [Fact]
    public async Task Role_and_group_values_are_matched_whatever_their_case()
    {
        using var browser = Browser();
        await browser.SignInAsync(new TestLogin(TestIdentity.New(["CareFlows-Leads"], ["GRP-Referrals"])));

        var me = (await browser.MeAsync())!;
        Assert.Equal([Roles.ClinicalLead], me.Strings("roles"));
        Assert.Equal(["referrals"], me.Ids("teams"));
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_and_keeps_their_roles()
    {
        var key = NewKey();
        using var first = Browser();
        await first.SignInAsync(new TestLogin(TestIdentity.New(key, [Coordinators], [Referrals])));
        var userId = (await first.MeAsync())!["userId"]!.GetValue<string>();
        var admin = await App.ClientAsync(Roles.Admin);
        using (var deactivated = await admin.PostJsonAsync($"/api/admin/users/{userId}/deactivate", null))
        {
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        }

        var last = await LastSequenceAsync();
        using var again = Browser();
        Assert.Equal("/sign-in?error=sso-deactivated&returnTo=%2Finbox", await again.SignInAsync(new TestLogin(TestIdentity.New(key, [Leads], []))));

        var refused = Assert.Single(await RecordsAfterAsync(last));
        Assert.Null(await again.MeAsync());
        var user = await GetAsync(admin, $"/api/admin/users/{userId}");
        Assert.Equal([Roles.Coordinator], user.Strings("roles"));
        Assert.Equal(["referrals"], user.Ids("teams"));
        Assert.Equal(("access.refused", AuditOutcomes.Denied), (refused.Operation, refused.Outcome));
        Assert.Equal((ExternalSignInErrors.Deactivated, userId), (JsonNode.Parse(refused.After!)!["refusal"]!.GetValue<string>(), JsonNode.Parse(refused.After!)!["userId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_local_account_with_the_same_email_is_not_taken_over()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        var local = await AdminApi.CreateUserAsync(admin, roles: [Roles.Auditor]);
        var identity = TestIdentity.New([Leads], [Referrals]) with { Email = local.Email() };
        using var browser = Browser();

        Assert.Equal("/sign-in?error=sso-email-taken", await browser.SignInAsync(new TestLogin(identity), returnUrl: "/"));

        Assert.Null(await browser.MeAsync());
        var user = await GetAsync(admin, $"/api/admin/users/{local.Id()}");
        Assert.Equal([Roles.Auditor], user.Strings("roles"));
        Assert.Empty(user.Ids("teams"));
        Assert.False(await QueryAsync(db => db.UserLogins.AnyAsync(l => l.UserId == local.Id(), Cancel)));
    }

    [Fact]
    public async Task A_user_without_an_email_is_not_created()
    {
        using var browser = Browser();

        var sentTo = await browser.SignInAsync(new TestLogin(TestIdentity.New([Coordinators], []) with { Email = null }));

        Assert.Equal("/sign-in?error=sso-no-email&returnTo=%2Finbox", sentTo);
        Assert.Null(await browser.MeAsync());
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        using var browser = Browser();
        var callback = await browser.LogInAtProviderAsync(await browser.StartAsync(), new TestLogin(TestIdentity.New([Coordinators], [])));
        var tampered = new Uri(callback.AbsoluteUri.Replace("state=", "state=x", StringComparison.Ordinal));

        // With the state unreadable, where the browser was going is unknown too.
        await AssertRefusedAsync(browser, () => browser.ReturnAsync(tampered), exchanged: false, sentTo: "/sign-in?error=sso-failed");
    }

    [Fact]
    public async Task A_callback_in_another_browser_is_refused()
    {
        // Login CSRF: a code and state made for one browser, planted in another that never started signing in.
        using var victim = Browser();
        using var attacker = Browser();
        var callback = await attacker.LogInAtProviderAsync(await attacker.StartAsync(), new TestLogin(TestIdentity.New([Coordinators], [])));

        await AssertRefusedAsync(victim, () => victim.ReturnAsync(callback), exchanged: false);
    }

    [Fact]
    public async Task An_id_token_with_another_nonce_is_refused()
    {
        using var browser = Browser();

        await AssertRefusedAsync(browser, () => browser.SignInAsync(new TestLogin(TestIdentity.New([Admins], []), TokenTamper.WrongNonce)), exchanged: true);
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_is_refused()
    {
        using var browser = Browser();

        await AssertRefusedAsync(browser, () => browser.SignInAsync(new TestLogin(TestIdentity.New([Admins], []), TokenTamper.ForeignKey)), exchanged: true);
    }

    [Fact]
    public async Task Declining_at_the_provider_comes_back_to_the_sign_in_page()
    {
        using var browser = Browser();

        var sentTo = await browser.SignInAsync(new TestLogin(TestIdentity.New([Coordinators], []), Declines: true), returnUrl: "/audit");

        Assert.Equal("/sign-in?error=sso-cancelled&returnTo=%2Faudit", sentTo);
        Assert.Null(await browser.MeAsync());
    }

    [Fact]
    public async Task The_session_is_a_cookie_session_that_signs_out_and_is_revoked_like_any_other()
    {
        var identity = TestIdentity.New([Coordinators], [Referrals]);
        using var browser = Browser();
        await browser.SignInAsync(new TestLogin(identity));
        var userId = (await browser.MeAsync())!["userId"]!.GetValue<string>();
        var admin = await App.ClientAsync(Roles.Admin);
        var session = Assert.Single((await GetAsync(admin, $"/api/admin/users/{userId}/sessions"))["items"]!.AsArray())!;
        Assert.Equal("Cookie", session["transport"]!.GetValue<string>());

        await browser.App.AddAntiforgeryTokenAsync();
        using (var signedOut = await browser.App.PostAsync("/api/auth/logout", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        }

        Assert.Null(await browser.MeAsync());

        using var again = Browser();
        await again.SignInAsync(new TestLogin(identity));
        var live = (await GetAsync(admin, $"/api/admin/users/{userId}/sessions"))["items"]!.AsArray().Single(s => s!["state"]!.GetValue<string>() == "Active")!;
        using (var revoked = await admin.PostJsonAsync($"/api/admin/sessions/{live.Id()}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        Assert.Null(await again.MeAsync());
    }

    [Fact]
    public async Task Password_sign_in_works_beside_it()
    {
        using var client = App.CreateClient();

        var tokens = await SignIn.BearerAsync(client, DemoUsers.All.Single(u => u.Role == Roles.Coordinator).Email, DemoSignIn.Password);

        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
    }

    private const string Admins = "careflows-admins";

    private SsoBrowser Browser() => new(App, provider);

    /// <summary>
    /// The browser is sent back to the sign-in page and is not signed in; nobody was created, and the refusal is
    /// recorded. <paramref name="exchanged"/>: whether the code got as far as the token endpoint.
    /// </summary>
    private async Task AssertRefusedAsync(SsoBrowser browser, Func<Task<string>> signIn, bool exchanged, string sentTo = "/sign-in?error=sso-failed&returnTo=%2Finbox")
    {
        var (users, last, tokens) = (await QueryAsync(db => db.Users.CountAsync(Cancel)), await LastSequenceAsync(), provider.TokensIssued);

        Assert.Equal(sentTo, await signIn());

        var refused = Assert.Single(await RecordsAfterAsync(last));
        Assert.Equal(("access.refused", AuditOutcomes.Denied, ExternalSignInErrors.Failed), (refused.Operation, refused.Outcome, JsonNode.Parse(refused.After!)!["refusal"]!.GetValue<string>()));
        Assert.Equal(exchanged ? tokens + 1 : tokens, provider.TokensIssued);
        Assert.Equal(users, await QueryAsync(db => db.Users.CountAsync(Cancel)));
        Assert.Null(await browser.MeAsync());
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
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
}

public sealed class SqliteExternalSignInTests(SqliteOpenIdConnectApp app)
    : ExternalSignInTests(app, app.OpenIdProvider), IClassFixture<SqliteOpenIdConnectApp>;

public sealed class PostgresExternalSignInTests(PostgresOpenIdConnectApp app)
    : ExternalSignInTests(app, app.OpenIdProvider), IClassFixture<PostgresOpenIdConnectApp>;
