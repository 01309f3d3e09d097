using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Tests.Audit;

public sealed class AuditChainTests
{
    private static AuditEntry Entry(string entityId, string? after = null) => new()
    {
        OccurredAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1234567),
        ActorType = "user",
        ActorId = "u-1",
        Operation = "task.update",
        Action = "U",
        EntityType = "task",
        EntityId = entityId,
        PatientId = "Patient/1",
        Before = """{"status":"Ready"}""",
        After = after ?? """{"status":"InProgress"}""",
        Outcome = "success",
        DefinitionVersion = 3,
    };

    [Fact]
    public void A_record_hashes_its_predecessor_and_its_canonical_form()
    {
        var first = Entry("t-1").ToRecord(1, AuditChain.GenesisHash);
        var second = Entry("t-2").ToRecord(2, first.Hash);

        Assert.Equal(64, first.Hash.Length);
        Assert.Equal(first.Hash, AuditChain.HashOf(first));
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.NotEqual(first.Hash, Entry("t-1").ToRecord(1, second.Hash).Hash);
    }

    [Fact]
    public void Every_field_but_the_hashes_is_covered()
    {
        var record = Entry("t-1").ToRecord(1, AuditChain.GenesisHash);
        var changes = new Action<AuditRecord>[]
        {
            r => r.Sequence = 2, r => r.OccurredAt = r.OccurredAt.AddTicks(10), r => r.ActorType = "system", r => r.ActorId = "u-2", r => r.Operation = "task.claim",
            r => r.Action = "D", r => r.EntityType = "instance", r => r.EntityId = "t-9", r => r.PatientId = null, r => r.Before = null,
            r => r.After = "{}", r => r.Outcome = "denied", r => r.ClientAddress = "10.0.0.1", r => r.UserAgent = "x", r => r.PurposeOfUse = "TREAT",
            r => r.Reason = "why", r => r.CorrelationId = "c", r => r.DefinitionId = "d", r => r.DefinitionVersion = 4, r => r.InstanceId = "i",
        };
        foreach (var change in changes)
        {
            var copy = Entry("t-1").ToRecord(1, AuditChain.GenesisHash);
            change(copy);
            Assert.NotEqual(record.Hash, AuditChain.HashOf(copy));
        }
    }

    [Fact]
    public void A_records_hash_is_the_one_its_chain_was_written_with()
    {
        // Every stored chain was hashed with this canonical form: escaped quotes, HTML characters, accents, a surrogate
        // pair, control characters, nulls and a sequence past 2^32 included. A change to how records are hashed that
        // changes this value breaks every chain already written.
        var record = new AuditRecord
        {
            Sequence = 4_294_967_301,
            OccurredAt = new DateTime(2026, 11, 30, 14, 0, 0, 123, 456, DateTimeKind.Utc),
            ActorType = "user",
            ActorId = "u-1",
            Operation = "task.complete",
            Action = "U",
            EntityType = "task",
            EntityId = "t-1",
            PatientId = "Patient/1",
            Before = """{"status":"in-progress","owner":"u-1"}""",
            After = "{\"note\":\"Zoë <b>&</b> 'quoted' + \\\"x\\\"\\n\",\"emoji\":\"\U0001F600\",\"tab\":\"\t\"}",
            Outcome = "success",
            ClientAddress = "10.0.0.1",
            PurposeOfUse = "ETREAT",
            Reason = "Ça urge — line\r\nbreak",
            DefinitionId = "discharge-follow-up",
            DefinitionVersion = 3,
            PreviousHash = AuditChain.GenesisHash,
            Hash = "a132e805dbe5bf9d1cd67d65459a61d5500575ac27d88f68f2000196ce7ae1a1",
        };

        Assert.Equal(record.Hash, AuditChain.HashOf(record));
        Assert.True(AuditChain.HashMatches(record));
    }

    [Fact]
    public void A_stored_hash_matches_only_its_own_record_and_predecessor()
    {
        var record = Entry("t-1").ToRecord(7, AuditChain.GenesisHash);
        var edited = Entry("t-1", after: """{"status":"Done"}""").ToRecord(7, AuditChain.GenesisHash);
        edited.Hash = record.Hash;
        var moved = Entry("t-1").ToRecord(7, new string('1', 64));
        moved.Hash = record.Hash;
        var upperCase = Entry("t-1").ToRecord(7, AuditChain.GenesisHash);
        upperCase.Hash = upperCase.Hash.ToUpperInvariant();

        Assert.True(AuditChain.HashMatches(record));
        Assert.False(AuditChain.HashMatches(edited));
        Assert.False(AuditChain.HashMatches(moved));
        Assert.False(AuditChain.HashMatches(upperCase));
    }

    [Fact]
    public void A_large_record_leaves_the_next_ones_hashes_unchanged()
    {
        var small = Entry("t-1").ToRecord(1, AuditChain.GenesisHash);
        var large = Entry("t-2", after: $$"""{"notes":"{{new string('x', 200_000)}}"}""").ToRecord(2, small.Hash);

        Assert.Equal(small.Hash, AuditChain.HashOf(small));
        Assert.True(AuditChain.HashMatches(large));
        Assert.Equal(small.Hash, AuditChain.HashOf(small));
        Assert.Equal(large.Hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            [.. System.Text.Encoding.ASCII.GetBytes(large.PreviousHash), .. AuditChain.CanonicalForm(large)])));
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_that_every_database_stores()
    {
        var record = Entry("t-1").ToRecord(1, AuditChain.GenesisHash);

        Assert.Equal(DateTimeKind.Utc, record.OccurredAt.Kind);
        Assert.Equal(0, record.OccurredAt.Ticks % 10);
        Assert.Equal(new DateTime(2026, 11, 30, 14, 0, 0, 123, 456, DateTimeKind.Utc), record.OccurredAt);
    }
}
