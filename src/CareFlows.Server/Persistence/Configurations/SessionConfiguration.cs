using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<SessionRecord>
{
    public const int UserAgentLength = 512;

    public void Configure(EntityTypeBuilder<SessionRecord> builder)
    {
        builder.ToTable(TableNames.Sessions);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Transport).HasConversion<string>().HasMaxLength(ColumnSizes.Status);
        builder.Property(s => s.EndReason).HasMaxLength(ColumnSizes.Status);
        builder.Property(s => s.ClientAddress).HasMaxLength(ColumnSizes.Id);
        builder.Property(s => s.UserAgent).HasMaxLength(UserAgentLength);
        builder.HasOne<CareFlowsUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}
