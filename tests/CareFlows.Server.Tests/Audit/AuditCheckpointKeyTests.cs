using CareFlows.Server.Audit;

namespace CareFlows.Server.Tests.Audit;

public sealed class AuditCheckpointKeyTests
{
    [Fact]
    public void Without_a_configured_key_one_is_made_once_and_kept_in_its_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"careflows-key-{Guid.NewGuid():N}");
        try
        {
            var options = new AuditOptions { CheckpointKeyFile = "keys/audit.key" };

            var first = AuditCheckpointKey.Load(options, folder);
            var again = AuditCheckpointKey.Load(options, folder);

            Assert.Equal(first.Id, again.Id);
            Assert.True(File.Exists(Path.Combine(folder, "keys", "audit.key")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "keys", "audit.key")));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_configured_key_signs_and_another_key_does_not_verify()
    {
        var key = AuditCheckpointKey.Load(new AuditOptions { CheckpointKey = Convert.ToBase64String(new byte[32]) }, Path.GetTempPath());
        var other = new AuditCheckpointKey([.. Enumerable.Repeat((byte)7, 32)]);
        var checkpoint = key.Sign(5, new string('a', 64), new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));

        Assert.True(key.Signed(checkpoint));
        Assert.False(other.Signed(checkpoint));
        Assert.False(key.Signed(new() { Sequence = 6, Hash = checkpoint.Hash, CreatedAt = checkpoint.CreatedAt, KeyId = checkpoint.KeyId, Signature = checkpoint.Signature }));
        Assert.Throws<ArgumentException>(() => new AuditCheckpointKey(new byte[16]));
    }
}
