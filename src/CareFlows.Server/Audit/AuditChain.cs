using System.Globalization;
using System.Security.Cryptography;
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
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        AuditRecordHasher.OfThread.Hash(record, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether <see cref="AuditRecord.Hash"/> is <see cref="HashOf"/> the record, found without allocating.</summary>
    public static bool HashMatches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AuditRecordHasher.OfThread.Matches(record);
    }

    /// <summary>The bytes hashed for a record: every field but the hashes, as a JSON array in a fixed order.</summary>
    public static byte[] CanonicalForm(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AuditRecordHasher.OfThread.CanonicalForm(record);
    }

    /// <summary>Writes the canonical form of <paramref name="record"/>: the one definition of what a record's hash covers.</summary>
    internal static void WriteCanonical(Utf8JsonWriter json, AuditRecord record)
    {
        json.WriteStartArray();
        json.WriteNumberValue(record.Sequence);
        // Formatted as CanonicalTime does, straight to UTF-8 (27 bytes), without a string per record.
        Span<byte> time = stackalloc byte[32];
        if (!record.OccurredAt.ToUniversalTime().TryFormat(time, out var written, CanonicalTimeFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Record {record.Sequence}'s time does not fit its canonical form.");
        }

        json.WriteStringValue(time[..written]);
        WriteText(json, record.ActorType);
        WriteText(json, record.ActorId);
        WriteText(json, record.Operation);
        WriteText(json, record.Action);
        WriteText(json, record.EntityType);
        WriteText(json, record.EntityId);
        WriteText(json, record.PatientId);
        WriteText(json, record.Before);
        WriteText(json, record.After);
        WriteText(json, record.Outcome);
        WriteText(json, record.ClientAddress);
        WriteText(json, record.UserAgent);
        WriteText(json, record.PurposeOfUse);
        WriteText(json, record.Reason);
        WriteText(json, record.CorrelationId);
        WriteText(json, record.DefinitionId);
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

    private const string CanonicalTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>A time as the chain writes it in what it hashes and signs: UTC, to the microsecond.</summary>
    public static string CanonicalTime(DateTime time) =>
        time.ToUniversalTime().ToString(CanonicalTimeFormat, CultureInfo.InvariantCulture);

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
