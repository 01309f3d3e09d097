using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams.DeleteTeam;

/// <summary>Deletes a team that has no members; one with members is a conflict, so that nothing is left pointing at it.</summary>
public sealed record DeleteTeamCommand(string TeamId) : ICommand;

public sealed class DeleteTeamHandler(CareFlowsDbContext db, AuditedWrite audited) : ICommandHandler<DeleteTeamCommand>
{
    public async ValueTask<Unit> Handle(DeleteTeamCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var team = await db.FindTeamAsync(command.TeamId, cancellationToken);
        var members = await db.TeamMembers.CountAsync(m => m.TeamId == team.Id, cancellationToken);
        if (members > 0)
        {
            throw new ConflictException($"Team '{team.Id}' has {members} member{(members == 1 ? "" : "s")}; remove them before deleting it.");
        }

        var before = await db.TeamResponseAsync(team.Id, cancellationToken);
        return await audited.RunAsync(
            async () =>
            {
                // The foreign key refuses the delete should a member have been added since the count.
                db.Teams.Remove(team);
                await db.SaveChangesAsync(cancellationToken);
                return (Unit.Value, TeamAudit.Change("team.delete", AuditActions.Delete, team.Id, before, after: null));
            },
            cancellationToken);
    }
}
