using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Auth;

/// <summary>
/// Sign-in tells nothing about accounts: an unknown email, a wrong password, a locked and a deactivated account get
/// the same answer in comparable time; and a handful of wrong passwords no longer locks an account.
/// </summary>
public sealed class PasswordSignInTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_email_wrong_password_locked_and_deactivated_accounts_get_the_same_answer()
    {
        var (wrong, locked, deactivated) = (await App.CreateUserAsync(), await App.CreateUserAsync(), await App.CreateUserAsync());
        await App.WithUserAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));
        await App.WithUserAsync(deactivated, (users, user) => users.DeactivateAsync(user));

        var answers = new[]
        {
            await RefusalAsync($"nobody-{NewKey()}@careflows.test", TestUsers.Password),
            await RefusalAsync(wrong, "not the password"),
            await RefusalAsync(locked, TestUsers.Password),
            await RefusalAsync(deactivated, TestUsers.Password),
        };

        Assert.All(answers, a => Assert.True(JsonNode.DeepEquals(answers[0], a), a.ToJsonString()));
        Assert.Equal(PasswordSignIn.Refused, answers[0]["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_email_and_a_locked_account_take_as_long_as_a_wrong_password()
    {
        var (wrong, locked) = (await App.CreateUserAsync(), await App.CreateUserAsync());
        await App.WithUserAsync(locked, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));
        await RefusalAsync(wrong, "warm up the hasher");

        var unknown = await FastestAsync(() => $"nobody-{NewKey()}@careflows.test");
        var wrongPassword = await FastestAsync(() => wrong);
        var lockedOut = await FastestAsync(() => locked);

        // Verifying one password hash takes tens of milliseconds; skipping it took about 1.5 ms, a 30th of the time.
        Assert.InRange(unknown / wrongPassword, 0.4, 2.5);
        Assert.InRange(lockedOut / wrongPassword, 0.4, 2.5);
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_account()
    {
        var email = await App.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await RefusalAsync(email, "not the password");
        }

        await SignIn.BearerAsync(App.CreateClient(), email);
    }

    /// <summary>The fastest of several attempts: a busy machine only ever adds time, so the minimum is the steadiest measure.</summary>
    private async Task<double> FastestAsync(Func<string> email)
    {
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await RefusalAsync(email(), "not the password");
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times.Min();
    }

    /// <summary>The refusal's problem, without the members that differ by request.</summary>
    private async Task<JsonObject> RefusalAsync(string email, string password)
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, password), Cancel);
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        problem.Remove("traceId");
        return problem;
    }
}
