using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable(TableNames.Bookmarks);
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(b => b.InstanceId).HasMaxLength(ColumnSizes.Id);
        builder.Property(b => b.Kind).HasMaxLength(ColumnSizes.Status);
        builder.Property(b => b.Name).HasMaxLength(ColumnSizes.Name);
        builder.Property(b => b.ActivityId).HasMaxLength(ColumnSizes.Name);
        builder.Property(b => b.EventName).HasMaxLength(ColumnSizes.Name);
        builder.Property(b => b.CorrelationKey).HasMaxLength(ColumnSizes.Key);
        builder.Property(b => b.TaskId).HasMaxLength(ColumnSizes.Id);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        // Each index holds only the bookmarks it serves (timers, event waits, tasks), so a bookmark costs one index
        // write, not three. Identifiers are double-quoted, which every provider accepts (see RuntimeSql).
        builder.HasIndex(b => new { b.Kind, b.DueAt }).HasFilter("\"DueAt\" IS NOT NULL");
        builder.HasIndex(b => new { b.EventName, b.CorrelationKey }).HasFilter("\"EventName\" IS NOT NULL");
        builder.HasIndex(b => b.TaskId).HasFilter("\"TaskId\" IS NOT NULL");
    }
}
