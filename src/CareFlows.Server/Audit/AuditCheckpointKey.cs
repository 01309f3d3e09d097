using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Audit;

/// <summary>The key that signs audit checkpoints, and the one way a checkpoint is signed and checked.</summary>
public sealed class AuditCheckpointKey
{
    private const int MinimumLength = 32;
    private readonly byte[] _key;

    public AuditCheckpointKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumLength)
        {
            throw new ArgumentException($"An audit checkpoint key has at least {MinimumLength} bytes.", nameof(key));
        }

        _key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    public string Id { get; }

    /// <summary>The configured key, or the key file's (made on first use).</summary>
    public static AuditCheckpointKey Load(AuditOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.CheckpointKey))
        {
            return new AuditCheckpointKey(Convert.FromBase64String(options.CheckpointKey));
        }

        var path = Path.GetFullPath(options.CheckpointKeyFile, contentRoot);
        if (!File.Exists(path))
        {
            CreateKeyFile(path);
        }

        return new AuditCheckpointKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>Writes a fresh key beside the file and moves it in place, so that servers starting together share one key.</summary>
    private static void CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the server's account only.
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(draft, create))
        {
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumLength))));
        }

        try
        {
            File.Move(draft, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server made it first: its key serves.
            File.Delete(draft);
        }
    }

    public AuditCheckpoint Sign(long sequence, string hash, DateTime createdAt) => new()
    {
        Sequence = sequence,
        Hash = hash,
        CreatedAt = createdAt,
        KeyId = Id,
        Signature = SignatureOf(sequence, hash, createdAt),
    };

    public bool Signed(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return checkpoint.KeyId == Id && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(checkpoint.Signature),
            Encoding.ASCII.GetBytes(SignatureOf(checkpoint.Sequence, checkpoint.Hash, checkpoint.CreatedAt)));
    }

    private string SignatureOf(long sequence, string hash, DateTime createdAt)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"careflows-audit-checkpoint|{sequence}|{hash}|{AuditChain.CanonicalTime(createdAt)}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}
