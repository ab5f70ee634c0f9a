using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Redress.Domain.Cases;
using Redress.Domain.Organisation;
using Redress.Domain.Sla;
using Redress.Features.Notifications;
using Redress.Features.Accounts;
using Redress.Features.Triage.Learning;

namespace Redress.Data;

/// <summary>
/// The one model for both databases. Each provider has a subclass only so that its migrations live in
/// their own folder (<see cref="SqliteRedressDb"/>, <see cref="PostgresRedressDb"/>).
/// </summary>
public abstract class RedressDb(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<Communication> Communications => Set<Communication>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<CaseClock> CaseClocks => Set<CaseClock>();
    public DbSet<SlaProfile> SlaProfiles => Set<SlaProfile>();
    public DbSet<BusinessCalendar> Calendars => Set<BusinessCalendar>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();
    public DbSet<TriageModelVersion> TriageModelVersions => Set<TriageModelVersion>();
    public DbSet<Domain.Triage.TriageRule> TriageRules => Set<Domain.Triage.TriageRule>();
    public DbSet<Features.Triage.CaseTriage> CaseTriage => Set<Features.Triage.CaseTriage>();
    public DbSet<Features.Triage.TriageDecision> TriageDecisions => Set<Features.Triage.TriageDecision>();
    public DbSet<Domain.Incidents.Incident> Incidents => Set<Domain.Incidents.Incident>();
    public DbSet<Domain.Incidents.IncidentUpdate> IncidentUpdates => Set<Domain.Incidents.IncidentUpdate>();
    public DbSet<Domain.Incidents.IncidentCase> IncidentCases => Set<Domain.Incidents.IncidentCase>();
    public DbSet<Domain.Incidents.CaseGroupKey> CaseGroupKeys => Set<Domain.Incidents.CaseGroupKey>();
    public DbSet<Domain.Routing.RoutingRule> RoutingRules => Set<Domain.Routing.RoutingRule>();
    public DbSet<Features.Routing.DepartmentRouting> DepartmentRouting => Set<Features.Routing.DepartmentRouting>();
    public DbSet<Features.Repeats.CaseLink> CaseLinks => Set<Features.Repeats.CaseLink>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Starts a write transaction. On SQLite it first takes the process-wide writer gate: SQLite has one
    /// writer at a time, and queueing in memory is fair and fast where SQLite's busy handler sleeps.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct)
    {
        if (!IsSqlite) return await Database.BeginTransactionAsync(ct);
        var gate = SqliteWriteGate.For(Database.GetConnectionString()!);
        await gate.WaitAsync(ct);
        try
        {
            return new GatedTransaction(await Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!IsSqlite || Database.CurrentTransaction is not null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var gate = SqliteWriteGate.For(Database.GetConnectionString()!);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as strings so the data reads the same in either database and survives reordering.
        configurationBuilder.Properties<CaseStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(12);
        configurationBuilder.Properties<CustomerDemand>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RootCauseMethod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FishboneFactor>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CommunicationMethod>().HaveConversion<string>().HaveMaxLength(12);
        configurationBuilder.Properties<Direction>().HaveConversion<string>().HaveMaxLength(12);
        configurationBuilder.Properties<TimelineEvent>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SlaTarget>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<SlaUnit>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NotificationEvent>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DeliveryChannel>().HaveConversion<string>().HaveMaxLength(12);
        configurationBuilder.Properties<CalendarDayKind>().HaveConversion<string>().HaveMaxLength(12);
        // SQLite hands DateTime back as Unspecified; everything we store is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new CaseConfiguration());
        builder.ApplyConfiguration(new SettingConfiguration());
        builder.ApplyConfiguration(new ReplyTemplateConfiguration());
        builder.ApplyConfiguration(new SavedViewConfiguration());
        SlaConfiguration.Configure(builder);
        DeliveryAdminConfiguration.Configure(builder);
        builder.ApplyConfiguration(new TriageModelVersionConfiguration());
        TriageConfiguration.Configure(builder);
        IncidentConfiguration.Configure(builder);
        RoutingConfiguration.Configure(builder);
        CaseLinkConfiguration.Configure(builder);
        // Byte order makes "number starts with" a plain index range on PostgreSQL, as it is on SQLite.
        if (Database.IsNpgsql()) builder.Entity<Case>().Property(c => c.Number).UseCollation("C");
        builder.Entity<TimelineEntry>(b =>
        {
            b.ToTable("TimelineEntries");
            b.HasIndex(t => new { t.CaseId, t.Id });
            b.Property(t => t.ActorId).HasMaxLength(64);
            b.Property(t => t.ActorName).HasMaxLength(100);
        });
        builder.Entity<Communication>(b =>
        {
            b.HasIndex(t => new { t.CaseId, t.Id });
            b.Property(t => t.Summary).HasMaxLength(500);
            b.Property(t => t.ActorId).HasMaxLength(64);
            b.Property(t => t.ActorName).HasMaxLength(100);
        });
        builder.Entity<Attachment>(b =>
        {
            b.HasIndex(a => a.CaseId);
            b.Property(a => a.FileName).HasMaxLength(255);
            b.Property(a => a.ContentType).HasMaxLength(100);
            b.Property(a => a.Sha256).HasMaxLength(64);
            b.Property(a => a.UploadedBy).HasMaxLength(100);
        });
        builder.Entity<AttachmentContent>(b =>
        {
            b.HasKey(a => a.AttachmentId);
            b.HasOne(a => a.Attachment).WithOne().HasForeignKey<AttachmentContent>(a => a.AttachmentId);
        });
        builder.Entity<Department>(b =>
        {
            b.HasIndex(d => d.Code).IsUnique();
            b.Property(d => d.Code).HasMaxLength(32);
            b.Property(d => d.NameZh).HasMaxLength(100);
            b.Property(d => d.NameEn).HasMaxLength(100);
            b.Property(d => d.CalendarCode).HasMaxLength(32);
        });
        builder.Entity<Category>(b =>
        {
            b.HasIndex(c => c.Code).IsUnique();
            b.Property(c => c.Code).HasMaxLength(32);
            b.Property(c => c.NameZh).HasMaxLength(100);
            b.Property(c => c.NameEn).HasMaxLength(100);
            b.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId);
        });
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.Language).HasMaxLength(8);
            b.HasMany(u => u.Departments).WithOne().HasForeignKey(d => d.UserId);
        });
        builder.Entity<UserDepartment>(b =>
        {
            b.HasKey(d => new { d.UserId, d.DepartmentId });
            b.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId);
        });
        builder.Entity<NumberCounter>(b =>
        {
            b.HasKey(n => n.Scope);
            b.Property(n => n.Scope).HasMaxLength(64);
        });
        builder.Entity<IdempotencyRecord>(b =>
        {
            b.HasKey(r => new { r.UserId, r.Key });
            b.Property(r => r.Key).HasMaxLength(128);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.HasIndex(r => r.CreatedAt);
            b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId);
        });
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

public sealed class SqliteRedressDb(DbContextOptions<SqliteRedressDb> options) : RedressDb(options)
{
    /// <summary>Set on the group-commit writer's contexts: <see cref="RawSql.Command"/> then reuses its prepared statements.</summary>
    internal SqliteWriterConnection? Writer { get; init; }
}

public sealed class PostgresRedressDb(DbContextOptions<PostgresRedressDb> options) : RedressDb(options);
