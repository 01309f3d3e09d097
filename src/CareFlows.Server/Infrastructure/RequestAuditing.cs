using System.Diagnostics;
using System.Security.Claims;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Feeds;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Makes the signed-in caller the <see cref="AuditContext"/> of everything the request does, and records the request
/// in the audit log when it is refused (401, 403), in a transaction of its own, since a refusal changes nothing else.
/// </summary>
public sealed class RequestAuditing(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The header a client states its purpose of use in, as an HL7 PurposeOfUse code.</summary>
    public const string PurposeHeader = "X-Purpose-Of-Use";

    /// <summary>The header that carries a caller's correlation id across systems.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var audit = ContextOf(context);

        // When the response starts its status is final, whoever set it (the authorization middleware, or the problem
        // handler for a refusal thrown further in), and the caller has seen nothing yet.
        context.Response.OnStarting(() =>
            context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
                ? RecordRefusalAsync(context, audit)
                : Task.CompletedTask);
        using (AuditContext.Use(audit))
        {
            await next(context);
        }
    }

    private async Task RecordRefusalAsync(HttpContext context, AuditContext audit)
    {
        var path = $"{context.Request.Method} {context.Request.Path}";
        var change = new AuditChange("access.refused", ActionOf(context.Request.Method), "endpoint", Truncated(path, ColumnSizes.Key))
        {
            After = new System.Text.Json.Nodes.JsonObject { ["status"] = context.Response.StatusCode },
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
        await AuditLog.AppendAloneAsync(db, change.ToEntry(audit, clock.GetUtcNow(), AuditOutcomes.Denied), CancellationToken.None);
    }

    /// <summary>Who makes the request, from where and why, as its audit records name them.</summary>
    internal static AuditContext ContextOf(HttpContext context)
    {
        var user = context.User;
        var (type, id) = user.Identity?.IsAuthenticated != true ? (AuditActorTypes.Anonymous, null)
            : user.Identity.AuthenticationType == FeedKeyAuthenticationHandler.SchemeName ? (AuditActorTypes.Client, user.Identity.Name)
            : (AuditActorTypes.User, user.FindFirstValue(ClaimTypes.NameIdentifier));
        var correlation = context.Request.Headers[CorrelationHeader].ToString();
        return new AuditContext
        {
            ActorType = type,
            ActorId = id,
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncated(context.Request.Headers.UserAgent.ToString(), SessionConfiguration.UserAgentLength),
            PurposeOfUse = PurposesOfUse.Of(context.Request.Headers[PurposeHeader].ToString(), user),
            CorrelationId = Truncated(correlation.Length > 0 ? correlation : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier, ColumnSizes.Key),
        };
    }

    private static string ActionOf(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? AuditActions.Read
        : HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) ? AuditActions.Update
        : HttpMethods.IsDelete(method) ? AuditActions.Delete
        : AuditActions.Execute;

    private static string? Truncated(string? text, int length) =>
        string.IsNullOrEmpty(text) ? null : text.Length > length ? text[..length] : text;
}

/// <summary>
/// Why a caller acts, as HL7 PurposeOfUse codes: stated by the client where it is one CareFlows knows, else what the
/// caller's role does — coordinators and clinical leads treat, auditors and admins run the organisation.
/// </summary>
public static class PurposesOfUse
{
    public const string Treatment = "TREAT";
    public const string EmergencyTreatment = "ETREAT";
    public const string Operations = "HOPERAT";
    public const string SystemAdministration = "HSYSADMIN";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { Treatment, EmergencyTreatment, Operations, SystemAdministration };

    public static string Of(string stated, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Known.Contains(stated))
        {
            return stated;
        }

        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.ClinicalLead) ? Treatment
            : user.IsInRole(Roles.Admin) ? SystemAdministration
            : Operations;
    }
}
