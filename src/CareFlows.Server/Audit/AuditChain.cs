using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Audit;

/// <summary>
/// How the audit log's records are chained: <c>hash = SHA-256(previous hash ‖ canonical record)</c>, where the
/// canonical record is a JSON array of every field but the hashes, in a fixed order and fixed formats. Changing,
/// removing, inserting or reordering a record breaks the chain at that record.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// <paramref name="entries"/> as the records that follow a chain ending at <paramref name="lastSequence"/> with
    /// <paramref name="lastHash"/>, each numbered and hashed after the one before it.
    /// </summary>
    public static List<AuditRecord> Link(IEnumerable<AuditEntry> entries, long lastSequence, string lastHash)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = new List<AuditRecord>();
        foreach (var entry in entries)
        {
            var record = entry.ToRecord(++lastSequence, lastHash);
            records.Add(record);
            lastHash = record.Hash;
        }

        return records;
    }

    /// <summary>The record's hash from its <see cref="AuditRecord.PreviousHash"/> and its canonical form.</summary>
    public static string HashOf(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = CanonicalForm(record);
        var input = new byte[record.PreviousHash.Length + canonical.Length];
        Encoding.ASCII.GetBytes(record.PreviousHash, input);
        canonical.CopyTo(input, record.PreviousHash.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>The bytes hashed for a record: every field but the hashes, as a JSON array in a fixed order.</summary>
    public static byte[] CanonicalForm(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(record.Sequence);
            json.WriteStringValue(CanonicalTime(record.OccurredAt));
            foreach (var text in new[]
            {
                record.ActorType, record.ActorId, record.Operation, record.Action, record.EntityType, record.EntityId, record.PatientId, record.Before,
                record.After, record.Outcome, record.ClientAddress, record.UserAgent, record.PurposeOfUse, record.Reason,
                record.CorrelationId, record.DefinitionId,
            })
            {
                WriteText(json, text);
            }

            if (record.DefinitionVersion is { } version)
            {
                json.WriteNumberValue(version);
            }
            else
            {
                json.WriteNullValue();
            }

            WriteText(json, record.InstanceId);
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>A time as the chain writes it in what it hashes and signs: UTC, to the microsecond.</summary>
    public static string CanonicalTime(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time as every provider stores it: to the microsecond (PostgreSQL keeps no finer), in UTC.</summary>
    public static DateTime StoredPrecision(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    private static void WriteText(Utf8JsonWriter json, string? text)
    {
        if (text is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(text);
        }
    }
}
