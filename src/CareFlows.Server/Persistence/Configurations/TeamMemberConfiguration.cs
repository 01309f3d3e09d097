using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMemberRecord>
{
    public void Configure(EntityTypeBuilder<TeamMemberRecord> builder)
    {
        builder.ToTable(TableNames.TeamMembers);
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.Property(m => m.TeamId).HasMaxLength(ColumnSizes.Id);
        builder.Property(m => m.UserId).HasMaxLength(450);
        // A team with members cannot be deleted (the API answers 409 first); users are deactivated, not deleted.
        builder.HasOne<TeamRecord>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareFlowsUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // "Which teams is this user in" reads by user; the key already serves "who is in this team".
        builder.HasIndex(m => m.UserId);
    }
}
