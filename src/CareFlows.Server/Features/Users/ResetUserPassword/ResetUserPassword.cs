using System.Text.Json.Serialization;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Users.ResetUserPassword;

/// <summary>
/// Sets a new password for a user, which ends every session of theirs, and lifts a lockout so that they can sign in
/// with it at once.
/// </summary>
/// <param name="Password">The new password, held to the sign-in password rules.</param>
public sealed record ResetUserPasswordCommand(string Password) : ICommand
{
    [JsonIgnore]
    [FromRoute(Name = "id")]
    public string UserId { get; init; } = "";
}

public sealed class ResetUserPasswordHandler(CareFlowsUserManager users, UserDirectory directory, AuditedWrite audited) : ICommandHandler<ResetUserPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetUserPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await directory.FindAsync(command.UserId, cancellationToken);
        var passwordKey = ApiFieldNames.Of<ResetUserPasswordCommand>(c => c.Password);
        var before = await directory.ResponseAsync(user, cancellationToken);
        return await audited.RunAsync(
            async () =>
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                IdentityProblems.ThrowIfFailed(await users.ResetPasswordAsync(user, token, command.Password), passwordKey);
                if (user.LockoutEnd is not null || user.AccessFailedCount > 0)
                {
                    IdentityProblems.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null));
                    IdentityProblems.ThrowIfFailed(await users.ResetAccessFailedCountAsync(user));
                }

                // The record says that the password was reset, never what to.
                var after = await directory.ResponseAsync(user, cancellationToken);
                return (Unit.Value, UserAudit.Change("user.reset-password", AuditActions.Update, before, after));
            },
            cancellationToken);
    }
}
