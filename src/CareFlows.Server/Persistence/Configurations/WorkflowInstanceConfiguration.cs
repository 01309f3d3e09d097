using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable(TableNames.WorkflowInstances);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(ColumnSizes.DefinitionId);
        builder.Property(i => i.DefinitionVersionId).HasMaxLength(ColumnSizes.Id);
        builder.Property(i => i.Name).HasMaxLength(ColumnSizes.Name);
        builder.Property(i => i.CorrelationId).HasMaxLength(ColumnSizes.Key);
        builder.Property(i => i.Status).HasMaxLength(ColumnSizes.Status);
        builder.Property(i => i.SubStatus).HasMaxLength(ColumnSizes.Status);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => new { i.Status, i.SubStatus });
        builder.HasIndex(i => new { i.DefinitionId, i.CreatedAt });
        builder.HasIndex(i => i.CorrelationId).HasFilter("\"CorrelationId\" IS NOT NULL");
        builder.HasIndex(i => i.CreatedAt);
    }
}
