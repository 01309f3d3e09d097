using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class BufferedEventConfiguration : IEntityTypeConfiguration<BufferedEventRecord>
{
    public void Configure(EntityTypeBuilder<BufferedEventRecord> builder)
    {
        builder.ToTable(TableNames.BufferedEvents);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(e => e.EventName).HasMaxLength(ColumnSizes.Name);
        builder.Property(e => e.CorrelationKey).HasMaxLength(ColumnSizes.Key);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(ColumnSizes.Key);
        builder.HasIndex(e => new { e.EventName, e.CorrelationKey });
        builder.HasIndex(e => e.ExpiresAt);
    }
}

internal sealed class EventReceiptConfiguration : IEntityTypeConfiguration<EventReceiptRecord>
{
    public void Configure(EntityTypeBuilder<EventReceiptRecord> builder)
    {
        builder.ToTable(TableNames.EventReceipts);
        builder.HasKey(e => e.IdempotencyKey);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(ColumnSizes.Key);
        builder.Property(e => e.EventName).HasMaxLength(ColumnSizes.Name);
        builder.Property(e => e.CorrelationKey).HasMaxLength(ColumnSizes.Key);
        builder.Property(e => e.PayloadHash).HasMaxLength(ColumnSizes.Hash);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
