using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable(TableNames.WorkflowDefinitions);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(d => d.DefinitionId).HasMaxLength(ColumnSizes.DefinitionId);
        builder.Property(d => d.Name).HasMaxLength(ColumnSizes.Name);
        builder.Property(d => d.ContentHash).HasMaxLength(ColumnSizes.Hash);
        builder.Property(d => d.CreatedBy).HasMaxLength(ColumnSizes.Name);
        builder.Property(d => d.UpdatedBy).HasMaxLength(ColumnSizes.Name);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.DefinitionId, d.IsLatest });
        builder.HasIndex(d => new { d.DefinitionId, d.IsPublished });
    }
}
