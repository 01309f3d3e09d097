using System.Security.Claims;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareFlows.Server.Tests.Auth.Sessions;

/// <summary>A credential is opened once and remembered while its ticket is valid; what it says is never shared between requests.</summary>
public sealed class RememberedTicketFormatTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingFormat _inner = new();

    [Fact]
    public void A_credential_is_opened_once_and_each_reader_gets_its_own_copy()
    {
        var format = RememberedTicketFormat.Over(_inner, _clock);
        var text = _inner.Protect(Ticket("user-1", _clock.GetUtcNow().AddHours(1)));

        var first = format.Unprotect(text)!;
        first.Properties.Items["changed"] = "by the first reader";
        var second = format.Unprotect(text)!;

        Assert.Equal(1, _inner.Opened);
        Assert.Equal("user-1", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.NotSame(first.Principal, second.Principal);
        Assert.False(second.Properties.Items.ContainsKey("changed"));
    }

    [Fact]
    public void A_ticket_is_remembered_no_longer_than_it_is_valid_nor_than_the_lifetime()
    {
        var format = RememberedTicketFormat.Over(_inner, _clock);
        var shortLived = _inner.Protect(Ticket("user-1", _clock.GetUtcNow().AddMinutes(1)));
        var longLived = _inner.Protect(Ticket("user-2", _clock.GetUtcNow().AddDays(1)));
        format.Unprotect(shortLived);
        format.Unprotect(longLived);

        _clock.Advance(TimeSpan.FromMinutes(2));
        format.Unprotect(shortLived);
        format.Unprotect(longLived);
        Assert.Equal(3, _inner.Opened);

        _clock.Advance(RememberedTicketFormat.Lifetime);
        format.Unprotect(longLived);
        Assert.Equal(4, _inner.Opened);
    }

    [Fact]
    public void What_cannot_be_opened_is_not_remembered()
    {
        var format = RememberedTicketFormat.Over(_inner, _clock);

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect(null));
        Assert.Equal(2, _inner.Opened);
    }

    [Fact]
    public void Purposes_are_remembered_apart()
    {
        var format = RememberedTicketFormat.Over(_inner, _clock);
        var text = _inner.Protect(Ticket("user-1", _clock.GetUtcNow().AddHours(1)));

        format.Unprotect(text, "a");
        format.Unprotect(text, "b");

        Assert.Equal(2, _inner.Opened);
    }

    [Fact]
    public void The_server_remembers_what_bearer_tokens_and_cookies_say()
    {
        Assert.IsType<RememberedTicketFormat>(app.Get<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector);
        Assert.IsType<RememberedTicketFormat>(app.Get<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat);
    }

    private static AuthenticationTicket Ticket(string userId, DateTimeOffset expires) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test")),
        new AuthenticationProperties { ExpiresUtc = expires },
        "test");

    /// <summary>A format that keeps tickets by a made-up text and counts how often it is asked to open one.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly Dictionary<string, AuthenticationTicket> _issued = [];

        public int Opened { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose)
        {
            var text = $"ticket-{_issued.Count}";
            _issued[text] = data;
            return text;
        }

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            if (protectedText is null)
            {
                return null;
            }

            Opened++;
            return _issued.GetValueOrDefault(protectedText);
        }
    }
}
