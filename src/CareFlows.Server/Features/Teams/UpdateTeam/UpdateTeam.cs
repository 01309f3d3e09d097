using System.Text.Json.Serialization;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams.UpdateTeam;

/// <summary>Renames a team and replaces its description (absent or null clears it); its id and members stay.</summary>
public sealed record UpdateTeamCommand(string Name, string? Description) : ICommand<TeamResponse>
{
    [JsonIgnore]
    [FromRoute(Name = "id")]
    public string TeamId { get; init; } = "";
}

public sealed class UpdateTeamHandler(CareFlowsDbContext db, TimeProvider clock, AuditedWrite audited) : ICommandHandler<UpdateTeamCommand, TeamResponse>
{
    public async ValueTask<TeamResponse> Handle(UpdateTeamCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var team = await db.FindTeamAsync(command.TeamId, cancellationToken);
        var name = command.Name.Trim();
        var normalized = TeamRecord.Normalize(name);
        if (await db.Teams.AnyAsync(t => t.NormalizedName == normalized && t.Id != team.Id, cancellationToken))
        {
            throw TeamNames.Taken(name);
        }

        var before = await db.TeamResponseAsync(team.Id, cancellationToken);
        return await audited.RunAsync(
            async () =>
            {
                team.Name = name;
                team.NormalizedName = normalized;
                team.Description = command.Description;
                team.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                var after = await db.TeamResponseAsync(team.Id, cancellationToken);
                return (after, TeamAudit.Change("team.update", AuditActions.Update, team.Id, before, after));
            },
            cancellationToken);
    }
}
