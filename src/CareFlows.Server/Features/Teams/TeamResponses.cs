using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Teams;

/// <summary>A team as it appears beside a user: its id and name.</summary>
public sealed record TeamSummary(string Id, string Name);

/// <summary>A team in the admin list, with how many people belong to it.</summary>
public sealed record TeamListItemResponse(string Id, string Name, string? Description, int MemberCount, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A team with its members.</summary>
public sealed record TeamResponse(string Id, string Name, string? Description, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<TeamMemberResponse> Members);

/// <summary>A member of a team; <see cref="Active"/> is false for a deactivated user, who stays a member.</summary>
public sealed record TeamMemberResponse(string UserId, string Email, string? DisplayName, bool Active, DateTime AddedAt);

public static class TeamMapping
{
    public static TeamResponse ToResponse(this TeamRecord team, IReadOnlyList<TeamMemberResponse> members)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new TeamResponse(team.Id, team.Name, team.Description, team.CreatedAt, team.UpdatedAt, members);
    }
}
