using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<TeamRecord>
{
    public const int DescriptionLength = 1000;

    public void Configure(EntityTypeBuilder<TeamRecord> builder)
    {
        builder.ToTable(TableNames.Teams);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(t => t.Name).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.NormalizedName).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.Description).HasMaxLength(DescriptionLength);
        builder.HasIndex(t => t.NormalizedName).IsUnique();
    }
}
