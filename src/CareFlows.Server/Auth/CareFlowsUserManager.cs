using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Auth;

/// <summary>
/// Identity's user manager, with one rule added: whatever changes what a user may do or how the user proves who
/// they are — a password, the roles, the security stamp, deactivation — ends every session of the user, in the same
/// transaction as the change. A user-admin API gets this by calling these methods.
/// </summary>
public sealed class CareFlowsUserManager(
    IUserStore<CareFlowsUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<CareFlowsUser> passwordHasher,
    IEnumerable<IUserValidator<CareFlowsUser>> userValidators,
    IEnumerable<IPasswordValidator<CareFlowsUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<CareFlowsUser>> logger,
    CareFlowsDbContext db,
    UserSessions sessions,
    TimeProvider clock)
    : UserManager<CareFlowsUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> ChangePasswordAsync(CareFlowsUser user, string currentPassword, string newPassword) =>
        EndingSessionsAsync(user, SessionEndReasons.PasswordChanged, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(CareFlowsUser user, string token, string newPassword) =>
        EndingSessionsAsync(user, SessionEndReasons.PasswordChanged, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> AddPasswordAsync(CareFlowsUser user, string password) =>
        EndingSessionsAsync(user, SessionEndReasons.PasswordChanged, () => base.AddPasswordAsync(user, password));

    public override Task<IdentityResult> RemovePasswordAsync(CareFlowsUser user) =>
        EndingSessionsAsync(user, SessionEndReasons.PasswordChanged, () => base.RemovePasswordAsync(user));

    public override Task<IdentityResult> AddToRoleAsync(CareFlowsUser user, string role) =>
        EndingSessionsAsync(user, SessionEndReasons.RolesChanged, () => base.AddToRoleAsync(user, role));

    public override Task<IdentityResult> AddToRolesAsync(CareFlowsUser user, IEnumerable<string> roles) =>
        EndingSessionsAsync(user, SessionEndReasons.RolesChanged, () => base.AddToRolesAsync(user, roles));

    public override Task<IdentityResult> RemoveFromRoleAsync(CareFlowsUser user, string role) =>
        EndingSessionsAsync(user, SessionEndReasons.RolesChanged, () => base.RemoveFromRoleAsync(user, role));

    public override Task<IdentityResult> RemoveFromRolesAsync(CareFlowsUser user, IEnumerable<string> roles) =>
        EndingSessionsAsync(user, SessionEndReasons.RolesChanged, () => base.RemoveFromRolesAsync(user, roles));

    public override Task<IdentityResult> UpdateSecurityStampAsync(CareFlowsUser user) =>
        EndingSessionsAsync(user, SessionEndReasons.SecurityStampChanged, () => base.UpdateSecurityStampAsync(user));

    /// <summary>Deactivates the user: sign-in is refused from now on and every session ends.</summary>
    public Task<IdentityResult> DeactivateAsync(CareFlowsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return EndingSessionsAsync(user, SessionEndReasons.Deactivated, () =>
        {
            user.DeactivatedAt ??= clock.GetUtcNow().UtcDateTime;
            return UpdateAsync(user);
        });
    }

    /// <summary>Lets a deactivated user sign in again.</summary>
    public Task<IdentityResult> ReactivateAsync(CareFlowsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.DeactivatedAt = null;
        return UpdateAsync(user);
    }

    private async Task<IdentityResult> EndingSessionsAsync(CareFlowsUser user, string reason, Func<Task<IdentityResult>> change)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken) : null;
        await using (ownTransaction)
        {
            var result = await change();
            if (!result.Succeeded)
            {
                return result;
            }

            var ended = await sessions.EndAllAsync(user.Id, reason, CancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(CancellationToken);
            }

            // A request that read a session between the update and the commit may have cached it as live.
            sessions.Forget(ended);
            return result;
        }
    }
}
