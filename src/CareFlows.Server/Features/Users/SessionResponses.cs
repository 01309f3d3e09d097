using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Users;

/// <summary>A sign-in as an admin sees it: whose, how, from where, and whether it still admits requests.</summary>
/// <param name="Id">The session's id, as the revoke route takes it.</param>
/// <param name="UserId">The user it belongs to.</param>
/// <param name="Email">The user's email (the name they sign in with).</param>
/// <param name="DisplayName">The user's display name.</param>
/// <param name="Transport">Cookie (the web app) or Bearer (a program with a token).</param>
/// <param name="StartedAt">When the user signed in.</param>
/// <param name="LastSeenAt">The last request, recorded at most about once a minute.</param>
/// <param name="ExpiresAt">When it ends however active it is.</param>
/// <param name="State">Active, Ended (with <paramref name="EndedAt"/> and <paramref name="EndReason"/>), Expired, or Idle (a cookie session unused past the idle timeout).</param>
/// <param name="EndedAt">When it was ended on purpose.</param>
/// <param name="EndReason">Why: SignedOut, Revoked, PasswordChanged, RolesChanged, SecurityStampChanged, Deactivated or RefreshTokenReused.</param>
/// <param name="ClientAddress">The address it signed in from, as the server saw it.</param>
/// <param name="UserAgent">The browser or program it signed in with.</param>
/// <param name="Current">True for the session the request itself came in.</param>
public sealed record SessionResponse(
    string Id,
    string UserId,
    string Email,
    string? DisplayName,
    SessionTransport Transport,
    DateTime StartedAt,
    DateTime LastSeenAt,
    DateTime ExpiresAt,
    SessionState State,
    DateTime? EndedAt,
    string? EndReason,
    string? ClientAddress,
    string? UserAgent,
    bool Current);

/// <summary>One page of sessions, with the number matching the filters.</summary>
public sealed record SessionPageResponse(IReadOnlyList<SessionResponse> Items, int Total, int Page, int PageSize);
