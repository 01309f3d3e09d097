using CareFlows.Server.Features.Teams;

namespace CareFlows.Server.Features.Users;

/// <summary>A user as an admin sees them.</summary>
/// <param name="Id">The user's id, as the admin routes take it.</param>
/// <param name="Email">Also the name the user signs in with.</param>
/// <param name="DisplayName">The name others see.</param>
/// <param name="Roles">The roles the user holds.</param>
/// <param name="Teams">The teams the user belongs to, by name.</param>
/// <param name="Active">False once deactivated: the user cannot sign in, but keeps roles and teams.</param>
/// <param name="DeactivatedAt">When the user was deactivated.</param>
/// <param name="LockedOutUntil">Set while too many failed sign-ins keep the account locked.</param>
public sealed record UserResponse(
    string Id,
    string Email,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<TeamSummary> Teams,
    bool Active,
    DateTime? DeactivatedAt,
    DateTimeOffset? LockedOutUntil);

/// <summary>One page of users by email, with the number of users matching the filters.</summary>
public sealed record UserPageResponse(IReadOnlyList<UserResponse> Items, int Total, int Page, int PageSize);
