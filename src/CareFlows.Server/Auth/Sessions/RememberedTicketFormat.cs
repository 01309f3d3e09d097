using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>
/// Reads a bearer token or cookie into its ticket once and remembers the answer for as long as the ticket is valid (at
/// most <see cref="Lifetime"/>): on Linux, data protection derives a key and checks a MAC for every payload it opens,
/// which cost a task completion more than its whole transaction. What is remembered is what the credential says, never
/// whether it still counts: the session it names is checked on every request (<see cref="SessionAuthenticationHandler"/>),
/// and the handlers check the ticket's expiry after reading it, so a signed-out or expired credential is refused as before.
/// </summary>
internal sealed class RememberedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Credentials held at once; a full cache is emptied and fills again from the ones in use.</summary>
    public const int Capacity = 10_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Text, string? Purpose), (AuthenticationTicket Ticket, DateTimeOffset Until)> _read = new();

    /// <summary>Remembers what <paramref name="inner"/> reads; it must already be set (by the scheme's own set-up).</summary>
    public static RememberedTicketFormat Over(ISecureDataFormat<AuthenticationTicket>? inner, TimeProvider clock) =>
        inner is RememberedTicketFormat
            ? throw new InvalidOperationException("The ticket format already remembers what it reads.")
            : new(inner ?? throw new InvalidOperationException("The scheme has no ticket format yet to remember the reads of."), clock);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (_read.TryGetValue((protectedText, purpose), out var known) && known.Until > now)
        {
            return Copy(known.Ticket);
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            return null;
        }

        if (_read.Count >= Capacity)
        {
            _read.Clear();
        }

        var until = ticket.Properties.ExpiresUtc is { } expires && expires < now + Lifetime ? expires : now + Lifetime;
        _read[(protectedText, purpose)] = (Copy(ticket), until);
        return ticket;
    }

    // Handlers may change what they are given (a sliding cookie renews its properties); each gets its own copy.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
