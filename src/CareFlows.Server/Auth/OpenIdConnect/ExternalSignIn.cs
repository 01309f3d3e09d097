using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Features.Users;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>
/// Signs in the user the provider vouched for: the local user linked to their subject at the provider (Identity's
/// external logins), or a new one made from their email. On every sign-in the user's roles and teams become those the
/// provider's claims map to, so that a role or group taken away there is taken away here at the next sign-in. The
/// account change and the new session commit in one transaction with their audit records; then the session's cookie
/// is issued exactly as a password sign-in issues it.
/// </summary>
public sealed partial class ExternalSignIn(
    CareFlowsSignInManager signIn,
    CareFlowsUserManager users,
    TeamMembership membership,
    UserDirectory directory,
    UserSessions sessions,
    AuditedWrite audited,
    CareFlowsDbContext db,
    TimeProvider clock,
    ILogger<ExternalSignIn> logger)
{
    /// <summary>A user created at their first sign-in, from the provider's claims.</summary>
    public const string ProvisionOperation = "user.provision";

    /// <summary>A user's roles, teams or name changed to what the provider's claims say, at sign-in.</summary>
    public const string SyncOperation = "user.sync";

    /// <summary>
    /// Signs the user in with a session cookie. Returns null when signed in, else the <see cref="ExternalSignInErrors"/>
    /// code of the refusal, having recorded it and changed nothing.
    /// </summary>
    public async Task<string?> SignInAsync(HttpContext context, string provider, ProviderClaims claims)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claims);
        var user = await users.FindByLoginAsync(provider, claims.Subject);
        var created = user is null;
        if (user is null)
        {
            if (claims.Email is null)
            {
                return await RefuseAsync(context, ExternalSignInErrors.NoEmail, userId: null);
            }

            // Linking by email would let whoever controls that address at the provider take over a local account.
            if (await users.FindByEmailAsync(claims.Email) is { } local)
            {
                return await RefuseAsync(context, ExternalSignInErrors.EmailTaken, local.Id);
            }

            user = new CareFlowsUser { UserName = claims.Email, Email = claims.Email, EmailConfirmed = true, DisplayName = claims.Name ?? claims.Email };
        }
        else if (user.DeactivatedAt is not null || !await signIn.CanSignInAsync(user))
        {
            return await RefuseAsync(context, ExternalSignInErrors.Deactivated, user.Id);
        }

        var teams = await KnownTeamsAsync(claims.Teams, context.RequestAborted);
        Applied applied;
        using (AuditContext.Use(RequestAuditing.ContextOf(context) with { ActorType = AuditActorTypes.User, ActorId = user.Id }))
        {
            applied = await audited.RunAllAsync(() => ApplyAsync(context, provider, user, created, claims, teams), context.RequestAborted);
        }

        if (applied.Session is null)
        {
            return await RefuseAsync(context, applied.Refusal ?? ExternalSignInErrors.Failed, userId: null);
        }

        await PasswordSignIn.IssueAsync(signIn, user, applied.Session.Id, refreshCount: 0, SessionTransport.Cookie, persistentCookie: false);
        return null;
    }

    /// <summary>Records a sign-in through the provider that was refused, in a transaction of its own, as refused requests are.</summary>
    public async Task<string> RefuseAsync(HttpContext context, string code, string? userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogRefused(logger, code, userId);
        var change = new AuditChange("access.refused", AuditActions.Execute, "endpoint", $"GET {OpenIdConnectSignInOptions.CallbackPath}")
        {
            After = new JsonObject { ["provider"] = OpenIdConnectSignInOptions.ProviderId, ["refusal"] = code, ["userId"] = userId },
        };
        await AuditLog.AppendAloneAsync(db, change.ToEntry(RequestAuditing.ContextOf(context), clock.GetUtcNow(), AuditOutcomes.Denied), CancellationToken.None);
        return code;
    }

    /// <summary>
    /// Creates or updates the user, and starts the session. A user Identity will not create (an email it cannot use as a
    /// user name, or one taken meanwhile) gives no session and no change; any later failure throws, rolling back the whole.
    /// </summary>
    private async Task<(Applied, IReadOnlyList<AuditChange>)> ApplyAsync(
        HttpContext context, string provider, CareFlowsUser user, bool created, ProviderClaims claims, IReadOnlyList<string> teams)
    {
        var cancellationToken = context.RequestAborted;
        UserResponse? before = null;
        if (created)
        {
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                LogNotCreated(logger, string.Join(" ", result.Errors.Select(e => e.Description)));
                var taken = result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
                return (new Applied(null, taken ? ExternalSignInErrors.EmailTaken : ExternalSignInErrors.NoEmail), []);
            }

            Require(await users.AddLoginAsync(user, new UserLoginInfo(provider, claims.Subject, provider)));
        }
        else
        {
            before = await directory.ResponseAsync(user, cancellationToken);
            if (claims.Name is { } name && name != user.DisplayName)
            {
                user.DisplayName = name;
                Require(await users.UpdateAsync(user));
            }
        }

        // Each call ends the user's other sessions, as an admin's change of roles does: so it is made only on a real change.
        var current = await users.GetRolesAsync(user);
        if (current.Except(claims.Roles).ToList() is { Count: > 0 } removed)
        {
            Require(await users.RemoveFromRolesAsync(user, removed));
        }

        if (claims.Roles.Except(current).ToList() is { Count: > 0 } added)
        {
            Require(await users.AddToRolesAsync(user, added));
        }

        await membership.SetTeamsAsync(user.Id, teams, cancellationToken);
        var after = await directory.ResponseAsync(user, cancellationToken);
        var changes = new List<AuditChange>();
        if (before is null)
        {
            changes.Add(UserAudit.Change(ProvisionOperation, AuditActions.Create, before: null, after));
        }
        else if (!JsonNode.DeepEquals(AuditChange.Snapshot(before), AuditChange.Snapshot(after)))
        {
            changes.Add(UserAudit.Change(SyncOperation, AuditActions.Update, before, after));
        }

        var session = await sessions.StartAsync(user.Id, SessionTransport.Cookie, context.Connection, context.Request.Headers.UserAgent.ToString(), cancellationToken);
        changes.Add(SessionAudit.Started(session, provider));
        return (new Applied(session, null), changes);
    }

    /// <summary>The session started, or why none was.</summary>
    private sealed record Applied(SessionRecord? Session, string? Refusal);

    /// <summary>The mapped teams that exist; a map naming a team nobody created is a configuration mistake, logged, not a refusal.</summary>
    private async Task<IReadOnlyList<string>> KnownTeamsAsync(IReadOnlyList<string> teams, CancellationToken cancellationToken)
    {
        var unknown = await membership.UnknownTeamsAsync(teams, cancellationToken);
        foreach (var team in unknown)
        {
            LogUnknownTeam(logger, team);
        }

        return [.. teams.Where(t => !unknown.Contains(t))];
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Signing in through the identity provider failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in through the identity provider refused ({Code}) for user {UserId}.")]
    private static partial void LogRefused(ILogger logger, string code, string? userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:OpenIdConnect:TeamMap names the team '{Team}', which does not exist; the sign-in goes on without it.")]
    private static partial void LogUnknownTeam(ILogger logger, string team);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user the identity provider vouched for could not be created: {Errors}")]
    private static partial void LogNotCreated(ILogger logger, string errors);
}
