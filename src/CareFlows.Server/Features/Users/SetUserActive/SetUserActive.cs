using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using Mediator;

namespace CareFlows.Server.Features.Users.SetUserActive;

/// <summary>
/// Deactivates a user (sign-in refused from then on, every session ended) or lets them sign in again. Roles and teams
/// stay as they were. Admins cannot deactivate themselves.
/// </summary>
public sealed record SetUserActiveCommand(string UserId, bool Active, string ActingUserId) : ICommand<UserResponse>;

public sealed class SetUserActiveHandler(CareFlowsUserManager users, UserDirectory directory, AuditedWrite audited) : ICommandHandler<SetUserActiveCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(SetUserActiveCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await directory.FindAsync(command.UserId, cancellationToken);
        if (!command.Active && user.Id == command.ActingUserId)
        {
            throw new ConflictException("An admin cannot deactivate themselves; another admin can.");
        }

        var before = await directory.ResponseAsync(user, cancellationToken);
        return await audited.RunAsync(
            async () =>
            {
                var result = command.Active ? await users.ReactivateAsync(user) : await users.DeactivateAsync(user);
                IdentityProblems.ThrowIfFailed(result);
                var after = await directory.ResponseAsync(user, cancellationToken);
                return (after, UserAudit.Change(command.Active ? "user.activate" : "user.deactivate", AuditActions.Update, before, after));
            },
            cancellationToken);
    }
}
