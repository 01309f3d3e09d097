using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams.TeamMembers;

/// <summary>Adds a user to a team (<paramref name="Member"/> true) or takes them out; either way, doing it twice changes nothing more.</summary>
public sealed record ChangeTeamMemberCommand(string TeamId, string UserId, bool Member) : ICommand;

public sealed class ChangeTeamMemberHandler(CareFlowsDbContext db, TeamMembership membership, AuditedWrite audited) : ICommandHandler<ChangeTeamMemberCommand>
{
    public async ValueTask<Unit> Handle(ChangeTeamMemberCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var team = await db.FindTeamAsync(command.TeamId, cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == command.UserId, cancellationToken))
        {
            throw new NotFoundException($"User '{command.UserId}' does not exist.");
        }

        return await audited.RunAsync(
            async () =>
            {
                var wasMember = await membership.IsMemberAsync(command.UserId, team.Id, cancellationToken);
                if (wasMember == command.Member)
                {
                    return (Unit.Value, (AuditChange?)null);
                }

                if (command.Member)
                {
                    await membership.AddAsync(team.Id, command.UserId, cancellationToken);
                }
                else
                {
                    await membership.RemoveAsync(team.Id, command.UserId, cancellationToken);
                }

                var operation = command.Member ? "team.add-member" : "team.remove-member";
                return (Unit.Value, new AuditChange(operation, AuditActions.Update, TeamAudit.EntityType, team.Id)
                {
                    Before = new System.Text.Json.Nodes.JsonObject { ["userId"] = command.UserId, ["member"] = wasMember },
                    After = new System.Text.Json.Nodes.JsonObject { ["userId"] = command.UserId, ["member"] = command.Member },
                });
            },
            cancellationToken);
    }
}
