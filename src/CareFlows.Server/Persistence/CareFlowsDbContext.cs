using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Persistence;

/// <summary>
/// CareFlows' one model. Each provider has a derived context only so that it gets its own migration set.
/// </summary>
public class CareFlowsDbContext(DbContextOptions options) : IdentityDbContext<CareFlowsUser>(options)
{
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();

    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    public DbSet<BufferedEventRecord> BufferedEvents => Set<BufferedEventRecord>();

    public DbSet<EventReceiptRecord> EventReceipts => Set<EventReceiptRecord>();

    public DbSet<TriggerOccurrenceRecord> TriggerOccurrences => Set<TriggerOccurrenceRecord>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    public DbSet<InboxTaskRecord> Tasks => Set<InboxTaskRecord>();

    public DbSet<InboxTaskTeamRecord> TaskTeams => Set<InboxTaskTeamRecord>();

    public DbSet<InboxTaskHistoryRecord> TaskHistory => Set<InboxTaskHistoryRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<SavedFilterRecord> SavedFilters => Set<SavedFilterRecord>();

    public DbSet<TeamRecord> Teams => Set<TeamRecord>();

    public DbSet<TeamMemberRecord> TeamMembers => Set<TeamMemberRecord>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<AccessGrantRecord> AccessGrants => Set<AccessGrantRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareFlowsDbContext).Assembly);
        InboxTaskTeamConfiguration.Configure(builder.Entity<InboxTaskTeamRecord>(), Database.IsSqlServer() ? "[Queued] = 1" : "\"Queued\"");
    }
}

public sealed class SqliteCareFlowsDbContext(DbContextOptions<SqliteCareFlowsDbContext> options) : CareFlowsDbContext(options);

public sealed class PostgresCareFlowsDbContext(DbContextOptions<PostgresCareFlowsDbContext> options) : CareFlowsDbContext(options);

public sealed class SqlServerCareFlowsDbContext(DbContextOptions<SqlServerCareFlowsDbContext> options) : CareFlowsDbContext(options);
