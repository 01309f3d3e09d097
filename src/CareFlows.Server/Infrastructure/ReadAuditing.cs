using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Records reads of patient data in the audit log: each successful answer of an endpoint marked with
/// <see cref="AuditsReads{TValue}"/> adds one record (action R) of what was read, for whom, before the caller gets it.
/// A refused or failed read is not a read; a refusal is recorded as one (see <see cref="RequestAuditing"/>).
/// </summary>
public static class ReadAuditing
{
    /// <summary>Where a request that read through break-the-glass access keeps the reason given for it.</summary>
    public const string BreakGlassReasonItem = "CareFlows.BreakGlass.Reason";

    /// <summary>Records each answer <typeparamref name="TValue"/> as <paramref name="describe"/> makes it.</summary>
    public static RouteHandlerBuilder AuditsReads<TValue>(this RouteHandlerBuilder builder, Func<HttpContext, TValue, AuditChange> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return builder.AddEndpointFilter(async (invocation, next) =>
        {
            var result = await next(invocation);
            var value = result is IValueHttpResult answered ? answered.Value : result;
            if (result is not IStatusCodeHttpResult { StatusCode: >= 300 } && value is TValue read)
            {
                var context = invocation.HttpContext;
                await context.RequestServices.GetRequiredService<WorkflowRuntime>().RecordAsync(describe(context, read), context.RequestAborted);
            }

            return result;
        });
    }

    /// <summary>A read of one entity, or a search (no id) with its query.</summary>
    public static AuditChange Read(string operation, string entityType, string? entityId, HttpContext context, string? patientId = null, JsonObject? found = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var after = found ?? [];
        if (context.Request.QueryString.HasValue)
        {
            after["query"] = context.Request.QueryString.Value;
        }

        // A read through break-the-glass access is flagged as emergency treatment, with the reason the reader gave.
        var reason = context.Items[BreakGlassReasonItem] as string;
        return new AuditChange(operation, AuditActions.Read, entityType, entityId)
        {
            PatientId = patientId,
            After = after.Count == 0 ? null : after,
            PurposeOfUse = reason is null ? null : PurposesOfUse.EmergencyTreatment,
            Reason = reason,
        };
    }

    /// <summary>What a search answered with: how many, and the patients it showed.</summary>
    public static JsonObject Found(int count, IEnumerable<string?> patients) => new()
    {
        ["count"] = count,
        ["patients"] = new JsonArray([.. patients.OfType<string>().Distinct(StringComparer.Ordinal).Select(p => (JsonNode)p)]),
    };
}
