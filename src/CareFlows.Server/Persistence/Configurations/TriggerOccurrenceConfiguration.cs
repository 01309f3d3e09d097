using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class TriggerOccurrenceConfiguration : IEntityTypeConfiguration<TriggerOccurrenceRecord>
{
    public void Configure(EntityTypeBuilder<TriggerOccurrenceRecord> builder)
    {
        builder.ToTable(TableNames.TriggerOccurrences);
        builder.HasKey(o => new { o.DefinitionVersionId, o.ActivityId, o.OccursAt });
        builder.Property(o => o.DefinitionVersionId).HasMaxLength(ColumnSizes.Id);
        builder.Property(o => o.ActivityId).HasMaxLength(ColumnSizes.Name);
        builder.Property(o => o.InstanceId).HasMaxLength(ColumnSizes.Id);
    }
}
