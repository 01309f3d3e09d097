using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable(TableNames.JournalEntries);
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.InstanceId).HasMaxLength(ColumnSizes.Id);
        builder.Property(j => j.ActivityId).HasMaxLength(ColumnSizes.Name);
        builder.Property(j => j.ActivityType).HasMaxLength(ColumnSizes.Name);
        builder.Property(j => j.ActivityName).HasMaxLength(ColumnSizes.Name);
        builder.Property(j => j.EventName).HasMaxLength(ColumnSizes.Status);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
