using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrantRecord>
{
    public void Configure(EntityTypeBuilder<AccessGrantRecord> builder)
    {
        builder.ToTable(TableNames.AccessGrants);
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(g => g.UserId).HasMaxLength(450);
        builder.Property(g => g.PatientId).HasMaxLength(ColumnSizes.Key);
        builder.Property(g => g.Reason).HasMaxLength(ColumnSizes.Text);
        builder.HasOne<CareFlowsUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.UserId, g.ExpiresAt });
    }
}
