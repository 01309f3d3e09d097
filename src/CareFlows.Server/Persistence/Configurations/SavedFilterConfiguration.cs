using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilterRecord>
{
    public void Configure(EntityTypeBuilder<SavedFilterRecord> builder)
    {
        builder.ToTable(TableNames.SavedFilters);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(f => f.UserId).HasMaxLength(ColumnSizes.Key);
        builder.Property(f => f.Name).HasMaxLength(ColumnSizes.Name);
        builder.Property(f => f.Query).HasMaxLength(ColumnSizes.Text);
        builder.HasIndex(f => new { f.UserId, f.Name }).IsUnique();
    }
}
