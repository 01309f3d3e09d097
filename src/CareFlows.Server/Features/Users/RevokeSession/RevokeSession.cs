using CareFlows.Server.Audit;
using CareFlows.Server.Auth.Sessions;
using Mediator;

namespace CareFlows.Server.Features.Users.RevokeSession;

/// <summary>
/// Ends one session (reason <see cref="SessionEndReasons.Revoked"/>): its cookie, bearer token and refresh token are
/// refused from the next request on. A session that no longer admits requests (ended, expired or idle) is left as it
/// is, so revoking twice is harmless. An admin may revoke their own session, the one the request came in included.
/// </summary>
/// <param name="SessionId">The session to end.</param>
/// <param name="ActingSessionId">The session the request came in, to mark it in the answer.</param>
public sealed record RevokeSessionCommand(string SessionId, string? ActingSessionId) : ICommand<SessionResponse>;

public sealed class RevokeSessionHandler(UserSessions sessions, SessionDirectory directory, AuditedWrite audited) : ICommandHandler<RevokeSessionCommand, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var session = await directory.FindAsync(command.SessionId, cancellationToken);
        var response = await directory.ResponseAsync(session, command.ActingSessionId, cancellationToken);
        if (response.State != SessionState.Active)
        {
            return response;
        }

        // Ends it in the database and drops this node's view of it, so that its very next request here is refused;
        // other nodes refuse it within Auth:SessionCheckInterval.
        return await audited.RunAsync(
            async () =>
            {
                await sessions.EndAsync(session.Id, SessionEndReasons.Revoked, cancellationToken);
                var after = await directory.ResponseAsync(await directory.FindAsync(session.Id, cancellationToken), command.ActingSessionId, cancellationToken);
                return (after, new AuditChange("session.revoke", AuditActions.Update, "session", session.Id)
                {
                    Before = AuditChange.Snapshot(response),
                    After = AuditChange.Snapshot(after),
                });
            },
            cancellationToken);
    }
}
