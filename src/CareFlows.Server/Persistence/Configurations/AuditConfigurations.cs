using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable(TableNames.AuditRecords);
        builder.HasKey(r => r.Sequence);
        // The chain numbers its records; the database must not.
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.ActorType).HasMaxLength(ColumnSizes.Status);
        builder.Property(r => r.ActorId).HasMaxLength(ColumnSizes.Name);
        builder.Property(r => r.Operation).HasMaxLength(ColumnSizes.Status);
        builder.Property(r => r.Action).HasMaxLength(1);
        builder.Property(r => r.EntityType).HasMaxLength(ColumnSizes.Status);
        builder.Property(r => r.EntityId).HasMaxLength(ColumnSizes.Key);
        builder.Property(r => r.PatientId).HasMaxLength(ColumnSizes.Key);
        builder.Property(r => r.Outcome).HasMaxLength(ColumnSizes.Status);
        builder.Property(r => r.ClientAddress).HasMaxLength(ColumnSizes.Id);
        builder.Property(r => r.UserAgent).HasMaxLength(SessionConfiguration.UserAgentLength);
        builder.Property(r => r.PurposeOfUse).HasMaxLength(ColumnSizes.Status);
        builder.Property(r => r.Reason).HasMaxLength(ColumnSizes.Text);
        builder.Property(r => r.CorrelationId).HasMaxLength(ColumnSizes.Key);
        builder.Property(r => r.DefinitionId).HasMaxLength(ColumnSizes.DefinitionId);
        builder.Property(r => r.InstanceId).HasMaxLength(ColumnSizes.Id);
        builder.Property(r => r.PreviousHash).HasMaxLength(ColumnSizes.Hash).IsFixedLength();
        builder.Property(r => r.Hash).HasMaxLength(ColumnSizes.Hash).IsFixedLength();
        builder.HasIndex(r => r.OccurredAt);
        builder.HasIndex(r => new { r.ActorId, r.OccurredAt });

        // Every record pays for every index it is in, in the transaction of the work it records: a record is left out
        // of the indexes that would hold nothing useful for it. An instance's records are found by InstanceId (see
        // AuditEntityTypes.Instance), so the entity index holds the other entities only, by id (auditors look an entity up
        // by its id, with or without its type); the query names the filter's literal (AuditRecordsQuery), as a partial
        // index serves only queries that imply its filter.
        builder.HasIndex(r => new { r.PatientId, r.OccurredAt }).HasFilter("\"PatientId\" IS NOT NULL");
        builder.HasIndex(r => r.EntityId).HasFilter($"\"EntityType\" <> '{AuditEntityTypes.Instance}'");
        builder.HasIndex(r => r.InstanceId).HasFilter("\"InstanceId\" IS NOT NULL");
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable(TableNames.AuditChainHead);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(ColumnSizes.Hash).IsFixedLength();
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingleId, Sequence = 0, Hash = AuditChain.GenesisHash });
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable(TableNames.AuditCheckpoints);
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.Hash).HasMaxLength(ColumnSizes.Hash).IsFixedLength();
        builder.Property(c => c.KeyId).HasMaxLength(16).IsFixedLength();
        builder.Property(c => c.Signature).HasMaxLength(ColumnSizes.Hash).IsFixedLength();
    }
}
