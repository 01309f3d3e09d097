namespace CareFlows.Server.Persistence.Entities;

/// <summary>A user's membership of a team; a user may belong to many teams.</summary>
public sealed class TeamMemberRecord
{
    public required string TeamId { get; set; }

    public required string UserId { get; set; }

    public DateTime AddedAt { get; set; }
}
