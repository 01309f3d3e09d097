using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>How sign-ins, refreshes and sign-outs are recorded in the audit log.</summary>
public static class SessionAudit
{
    public const string EntityType = "session";

    /// <summary>A session started by a password, or by the external <paramref name="provider"/> when one is named.</summary>
    public static AuditChange Started(SessionRecord session, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var after = new JsonObject
        {
            ["userId"] = session.UserId,
            ["transport"] = session.Transport.ToString(),
            ["expiresAt"] = session.ExpiresAt,
        };
        if (provider is not null)
        {
            after["provider"] = provider;
        }

        return new("session.start", AuditActions.Create, EntityType, session.Id) { After = after };
    }

    public static AuditChange Refreshed(string sessionId, int refreshCount) => new("session.refresh", AuditActions.Update, EntityType, sessionId)
    {
        After = new JsonObject { ["refreshCount"] = refreshCount },
    };

    public static AuditChange Ended(string sessionId, string reason) => new("session.end", AuditActions.Update, EntityType, sessionId)
    {
        After = new JsonObject { ["endReason"] = reason },
    };

    /// <summary>The context of a request that signs <paramref name="userId"/> in: the user acts, though the request came in unsigned.</summary>
    public static IDisposable ActingAs(string userId) =>
        AuditContext.Use(AuditContext.Current with { ActorType = AuditActorTypes.User, ActorId = userId });
}
