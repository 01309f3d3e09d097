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
    public void Times_are_kept_to_the_microsecond_that_every_database_stores()
    {
        var record = Entry("t-1").ToRecord(1, AuditChain.GenesisHash);

        Assert.Equal(DateTimeKind.Utc, record.OccurredAt.Kind);
        Assert.Equal(0, record.OccurredAt.Ticks % 10);
        Assert.Equal(new DateTime(2026, 11, 30, 14, 0, 0, 123, 456, DateTimeKind.Utc), record.OccurredAt);
    }
}
