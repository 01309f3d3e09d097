using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Infrastructure;
using Mediator;

namespace CareFlows.Server.Features.Users.CreateUser;

/// <summary>Creates a user who can sign in at once with the initial password.</summary>
/// <param name="Email">Also the user name; unique.</param>
/// <param name="DisplayName">The name others see, in the inbox and the audit trail.</param>
/// <param name="Password">The initial password, held to the sign-in password rules (at least 12 characters…).</param>
/// <param name="Roles">One or more of ClinicalLead, Coordinator, Auditor, Admin.</param>
/// <param name="Teams">Ids of the teams the user joins.</param>
public sealed record CreateUserCommand(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<string>? Teams)
    : ICommand<UserResponse>;

public sealed class CreateUserHandler(CareFlowsUserManager users, TeamMembership membership, UserDirectory directory, AuditedWrite audited)
    : ICommandHandler<CreateUserCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var teams = command.Teams ?? [];
        await membership.RequireKnownAsync(teams, ApiFieldNames.Of<CreateUserCommand>(c => c.Teams), cancellationToken);
        var email = command.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ConflictException($"A user with the email '{email}' exists already.");
        }

        var user = new CareFlowsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = command.DisplayName.Trim() };
        return await audited.RunAsync(
            async () =>
            {
                IdentityProblems.ThrowIfFailed(
                    await users.CreateAsync(user, command.Password),
                    ApiFieldNames.Of<CreateUserCommand>(c => c.Password),
                    ApiFieldNames.Of<CreateUserCommand>(c => c.Email));
                IdentityProblems.ThrowIfFailed(await users.AddToRolesAsync(user, command.Roles.Select(r => UserFieldRules.RoleName(r)!).Distinct()));
                await membership.SetTeamsAsync(user.Id, teams, cancellationToken);
                var created = await directory.ResponseAsync(user, cancellationToken);
                return (created, UserAudit.Change("user.create", AuditActions.Create, before: null, created));
            },
            cancellationToken);
    }
}
