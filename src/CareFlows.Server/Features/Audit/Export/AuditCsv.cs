using System.Globalization;
using System.Text;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Audit.Export;

/// <summary>
/// The audit log as CSV (RFC 4180), one row per record with every field and both hashes, so that an export can be
/// checked against the chain. Cells a spreadsheet would read as a formula are prefixed with an apostrophe.
/// </summary>
public static class AuditCsv
{
    public const string MediaType = "text/csv";

    private static readonly string[] Header =
    [
        "sequence", "occurredAt", "actorType", "actorId", "actorName", "operation", "action", "entityType", "entityId", "patientId",
        "outcome", "clientAddress", "userAgent", "purposeOfUse", "reason", "correlationId", "definitionId", "definitionVersion",
        "instanceId", "before", "after", "previousHash", "hash",
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditRecord> records, IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(names);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await WriteRowAsync(writer, Header);
        await foreach (var r in records.WithCancellation(cancellationToken))
        {
            await WriteRowAsync(writer,
            [
                r.Sequence.ToString(CultureInfo.InvariantCulture), AuditChain.CanonicalTime(r.OccurredAt), r.ActorType, r.ActorId,
                r.ActorId is { } id ? names.GetValueOrDefault(id) : null, r.Operation, r.Action, r.EntityType, r.EntityId, r.PatientId,
                r.Outcome, r.ClientAddress, r.UserAgent, r.PurposeOfUse, r.Reason, r.CorrelationId, r.DefinitionId,
                r.DefinitionVersion?.ToString(CultureInfo.InvariantCulture), r.InstanceId, r.Before, r.After, r.PreviousHash, r.Hash,
            ]);
        }
    }

    private static Task WriteRowAsync(StreamWriter writer, IReadOnlyList<string?> cells) =>
        writer.WriteAsync(string.Join(',', cells.Select(Cell)) + "\r\n");

    /// <summary>A cell, quoted when it holds a comma, a quote or a line break, and defused when it starts like a formula.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
