using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Audit;

/// <summary>
/// Hashes records as <see cref="AuditChain"/> defines, into a buffer and a JSON writer it keeps, one per thread: a
/// replay of a million records would otherwise allocate several kilobytes for each (a stream, a writer, the canonical
/// bytes, the hashed input, the hex) and spend more time collecting them than hashing.
/// </summary>
#pragma warning disable CA1001 // One per thread for the thread's life; its JSON writer holds memory only, nothing to release.
internal sealed class AuditRecordHasher
#pragma warning restore CA1001
{
    private const int InitialCapacity = 4 * 1024;

    /// <summary>A buffer grown past this by an unusually large record is dropped after use, not kept for the thread's life.</summary>
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static AuditRecordHasher? _ofThread;

    private readonly Utf8JsonWriter _json;
    private ArrayBufferWriter<byte> _buffer = new(InitialCapacity);

    private AuditRecordHasher() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>This thread's hasher. Each use is synchronous, so an awaiting caller never shares one with another.</summary>
    public static AuditRecordHasher OfThread => _ofThread ??= new AuditRecordHasher();

    /// <summary>SHA-256 of the record's previous hash and canonical form, into <paramref name="destination"/> (32 bytes).</summary>
    public void Hash(AuditRecord record, Span<byte> destination)
    {
        _buffer.ResetWrittenCount();
        // One byte per character, zero where ASCII has none for it: the layout every record has been hashed with.
        var previous = _buffer.GetSpan(record.PreviousHash.Length)[..record.PreviousHash.Length];
        previous.Clear();
        Encoding.ASCII.GetBytes(record.PreviousHash, previous);
        _buffer.Advance(previous.Length);
        WriteCanonical(record);
        SHA256.HashData(_buffer.WrittenSpan, destination);
        Release();
    }

    /// <summary>Whether the record's stored hash is the one its previous hash and content give, compared as the hex it is stored as.</summary>
    public bool Matches(AuditRecord record)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(record, hash);
        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return hex.SequenceEqual(record.Hash);
    }

    public byte[] CanonicalForm(AuditRecord record)
    {
        _buffer.ResetWrittenCount();
        WriteCanonical(record);
        var bytes = _buffer.WrittenSpan.ToArray();
        Release();
        return bytes;
    }

    private void WriteCanonical(AuditRecord record)
    {
        _json.Reset(_buffer);
        AuditChain.WriteCanonical(_json, record);
        _json.Flush();
    }

    private void Release()
    {
        if (_buffer.Capacity > KeptCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(InitialCapacity);
            _json.Reset(_buffer);
        }
    }
}
