using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable(TableNames.Notifications);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(ColumnSizes.Key);
        builder.Property(n => n.Kind).HasMaxLength(ColumnSizes.Status);
        builder.Property(n => n.TaskId).HasMaxLength(ColumnSizes.Id);
        builder.Property(n => n.Message).HasMaxLength(ColumnSizes.Text);
        // A person's notifications, newest first; the unread ones of them.
        builder.HasIndex(n => new { n.UserId, n.Id });
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
