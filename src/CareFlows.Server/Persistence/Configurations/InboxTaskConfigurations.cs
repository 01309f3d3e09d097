using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlows.Server.Persistence.Configurations;

internal sealed class InboxTaskConfiguration : IEntityTypeConfiguration<InboxTaskRecord>
{
    public void Configure(EntityTypeBuilder<InboxTaskRecord> builder)
    {
        builder.ToTable(TableNames.InboxTasks);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(ColumnSizes.Id);
        builder.Property(t => t.InstanceId).HasMaxLength(ColumnSizes.Id);
        builder.Property(t => t.BookmarkId).HasMaxLength(ColumnSizes.Id);
        builder.Property(t => t.DefinitionId).HasMaxLength(ColumnSizes.DefinitionId);
        builder.Property(t => t.Pathway).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.ActivityId).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.Kind).HasMaxLength(ColumnSizes.Status);
        builder.Property(t => t.Title).HasMaxLength(ColumnSizes.Text);
        builder.Property(t => t.PatientId).HasMaxLength(ColumnSizes.Key);
        builder.Property(t => t.PatientName).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.PatientMrn).HasMaxLength(ColumnSizes.Key);
        builder.Property(t => t.BusinessStatus).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.Status).HasMaxLength(ColumnSizes.Status);
        builder.Property(t => t.Priority).HasMaxLength(ColumnSizes.Status);
        builder.Property(t => t.Owner).HasMaxLength(ColumnSizes.Key);
        builder.Property(t => t.Outcome).HasMaxLength(ColumnSizes.Name);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.InstanceId);
        // "My tasks": a person's open tasks by due time.
        builder.HasIndex(t => new { t.Owner, t.Status, t.DueAt }).HasFilter("\"Owner\" IS NOT NULL");
        builder.HasIndex(t => new { t.PatientId, t.Status }).HasFilter("\"PatientId\" IS NOT NULL");
    }
}

/// <summary>The queue rows' table, applied by the context itself, which knows its database, rather than found by the assembly scan.</summary>
internal static class InboxTaskTeamConfiguration
{
    /// <param name="builder">The queue rows' entity.</param>
    /// <param name="queuedFilter">
    /// The condition "the row waits in its queue" in the database's own SQL: the queue indexes hold waiting rows only, so a
    /// team's queue is one range in due or priority order however many tasks the team has done, and a query that says
    /// <c>Queued</c> uses them on every database (SQLite uses no index for a bare boolean column otherwise).
    /// </param>
    public static void Configure(EntityTypeBuilder<InboxTaskTeamRecord> builder, string queuedFilter)
    {
        builder.ToTable(TableNames.InboxTaskTeams);
        builder.HasKey(t => new { t.TaskId, t.Team });
        builder.Property(t => t.TaskId).HasMaxLength(ColumnSizes.Id);
        builder.Property(t => t.Team).HasMaxLength(ColumnSizes.Key);
        builder.HasOne<InboxTaskRecord>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
        // A team's queue by due time or by priority, and its count: one index range each.
        builder.HasIndex(t => new { t.Team, t.DueAt, t.TaskId }).HasFilter(queuedFilter).HasDatabaseName("IX_InboxTaskTeams_Queue_DueAt");
        builder.HasIndex(t => new { t.Team, t.PriorityRank, t.DueAt, t.TaskId }).IsDescending(false, true, false, false).HasFilter(queuedFilter).HasDatabaseName("IX_InboxTaskTeams_Queue_PriorityRank");
    }
}

internal sealed class InboxTaskHistoryConfiguration : IEntityTypeConfiguration<InboxTaskHistoryRecord>
{
    public void Configure(EntityTypeBuilder<InboxTaskHistoryRecord> builder)
    {
        builder.ToTable(TableNames.InboxTaskHistory);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.TaskId).HasMaxLength(ColumnSizes.Id);
        builder.Property(h => h.Actor).HasMaxLength(ColumnSizes.Key);
        builder.Property(h => h.Action).HasMaxLength(ColumnSizes.Status);
        builder.Property(h => h.Status).HasMaxLength(ColumnSizes.Status);
        builder.HasOne<InboxTaskRecord>().WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.TaskId, h.Id });
    }
}
