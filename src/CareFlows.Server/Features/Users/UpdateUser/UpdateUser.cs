using System.Text.Json.Serialization;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Users.UpdateUser;

/// <summary>
/// Changes a user's display name, roles and teams: with PUT all three are replaced, with PATCH only those given. A
/// change of roles ends the user's sessions (so new ones carry the new roles); a change of teams does not, since
/// teams are read afresh on every request.
/// </summary>
public sealed record UpdateUserCommand(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Teams) : ICommand<UserResponse>
{
    [JsonIgnore]
    [FromRoute(Name = "id")]
    public string UserId { get; init; } = "";

    /// <summary>PUT: every member is required and replaces what the user had.</summary>
    [JsonIgnore]
    public bool Replace { get; init; }

    /// <summary>The admin making the change, who may not take the admin role from themselves.</summary>
    [JsonIgnore]
    public string ActingUserId { get; init; } = "";
}

public sealed class UpdateUserHandler(CareFlowsUserManager users, TeamMembership membership, UserDirectory directory, AuditedWrite audited)
    : ICommandHandler<UpdateUserCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await directory.FindAsync(command.UserId, cancellationToken);
        if (command.Teams is { } teams)
        {
            await membership.RequireKnownAsync(teams, ApiFieldNames.Of<UpdateUserCommand>(c => c.Teams), cancellationToken);
        }

        var current = await users.GetRolesAsync(user);
        var wanted = command.Roles?.Select(r => UserFieldRules.RoleName(r)!).Distinct().ToList() ?? [.. current];
        if (user.Id == command.ActingUserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            throw new ConflictException("An admin cannot take the Admin role from themselves; another admin can.");
        }

        var before = await directory.ResponseAsync(user, cancellationToken);
        return await audited.RunAsync(() => ApplyAsync(command, user, current, wanted, before, cancellationToken), cancellationToken);
    }

    private async Task<(UserResponse, AuditChange?)> ApplyAsync(
        UpdateUserCommand command, CareFlowsUser user, IList<string> current, List<string> wanted, UserResponse before, CancellationToken cancellationToken)
    {
        if (command.DisplayName is { } displayName && displayName.Trim() != user.DisplayName)
        {
            user.DisplayName = displayName.Trim();
            IdentityProblems.ThrowIfFailed(await users.UpdateAsync(user));
        }

        // Each call ends the user's sessions, so it is made only when the roles really change.
        if (current.Except(wanted).ToList() is { Count: > 0 } removed)
        {
            IdentityProblems.ThrowIfFailed(await users.RemoveFromRolesAsync(user, removed));
        }

        if (wanted.Except(current).ToList() is { Count: > 0 } added)
        {
            IdentityProblems.ThrowIfFailed(await users.AddToRolesAsync(user, added));
        }

        if (command.Teams is { } newTeams)
        {
            await membership.SetTeamsAsync(user.Id, newTeams, cancellationToken);
        }

        var after = await directory.ResponseAsync(user, cancellationToken);
        return (after, UserAudit.Change("user.update", AuditActions.Update, before, after));
    }
}
