using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Redress.Domain.Sla;
using Redress.Features.Notifications;

namespace Redress.Data;

internal static class SlaConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CaseClock>(b =>
        {
            b.ToTable("CaseClocks");
            b.HasIndex(c => c.CaseId);
            b.Property(c => c.PolicyKey).HasMaxLength(32);
            b.ComplexProperty(c => c.Limit);
            // The scheduler's only query: clocks with work due. Met, stopped and paused clocks are not in it,
            // so a pass costs what is due, not what is open.
            b.HasIndex(c => c.NextCheckAt).HasFilter("\"NextCheckAt\" IS NOT NULL");
            // What the scheduler writes (BulkRows.UpdateStepsAsync) is checked when a change saves a clock it
            // loaded before the step: the change is then retried on the stepped clock (CaseCommands), instead of
            // re-arming a warning or moving a breached limit from a stale copy.
            b.Property(c => c.WarnedAt).IsConcurrencyToken();
            b.Property(c => c.BreachedAt).IsConcurrencyToken();
            b.Property(c => c.EscalatedAt).IsConcurrencyToken();
        });
        builder.Entity<SlaProfile>(b =>
        {
            b.ToTable("SlaProfiles");
            b.HasIndex(p => p.Code).IsUnique();
            b.Property(p => p.Code).HasMaxLength(32);
            b.Property(p => p.NameZh).HasMaxLength(100);
            b.Property(p => p.NameEn).HasMaxLength(100);
            b.Property(p => p.CalendarCode).HasMaxLength(32);
            b.Property(p => p.Version).IsConcurrencyToken();
            // Read and replaced whole by administrators, never queried inside.
            b.Property(p => p.Policies).HasConversion(Json<List<SlaPolicy>>(), JsonComparer<List<SlaPolicy>>());
            b.Property(p => p.Extensions).HasConversion(Json<List<ExtensionStep>>(), JsonComparer<List<ExtensionStep>>());
            b.Property(p => p.Buckets).HasConversion(Json<List<ReportBucket>>(), JsonComparer<List<ReportBucket>>());
        });
        builder.Entity<BusinessCalendar>(b =>
        {
            b.ToTable("BusinessCalendars");
            b.HasIndex(c => c.Code).IsUnique();
            b.Property(c => c.Code).HasMaxLength(32);
            b.Property(c => c.Name).HasMaxLength(100);
            b.Property(c => c.TimeZoneId).HasMaxLength(64);
            b.OwnsMany(c => c.Hours, o =>
            {
                o.ToTable("CalendarHours");
                o.WithOwner().HasForeignKey("CalendarId");
                // Periods of a day never overlap, so the day and start name one.
                o.HasKey("CalendarId", nameof(WorkingPeriod.Day), nameof(WorkingPeriod.Start));
                o.Property(p => p.Day).HasConversion<string>().HasMaxLength(10);
            });
            b.OwnsMany(c => c.Days, o =>
            {
                o.ToTable("CalendarDays");
                o.WithOwner().HasForeignKey("CalendarId");
                o.HasKey("CalendarId", nameof(CalendarDay.Date));
                o.Property(d => d.Name).HasMaxLength(100);
            });
        });
        builder.Entity<Notification>(b =>
        {
            b.HasIndex(n => new { n.UserId, n.Id });
            // The bell's count: unread only.
            b.HasIndex(n => new { n.UserId, n.CreatedAt }).HasFilter("\"ReadAt\" IS NULL");
            b.Property(n => n.UserId).HasMaxLength(64);
            b.Property(n => n.CaseNumber).HasMaxLength(40);
            b.Property(n => n.Detail).HasMaxLength(200);
        });
        builder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("Outbox");
            b.HasIndex(m => m.NextAttemptAt).HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
            b.Property(m => m.Recipient).HasMaxLength(254);
            b.Property(m => m.Subject).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(2_000);
        });
        builder.Entity<NotificationPreference>(b =>
        {
            b.HasKey(p => new { p.UserId, p.Event });
            b.Property(p => p.UserId).HasMaxLength(64);
        });
        builder.Entity<WebhookSubscription>(b =>
        {
            b.Property(w => w.Name).HasMaxLength(100);
            b.Property(w => w.Url).HasMaxLength(500);
            b.Property(w => w.Secret).HasMaxLength(200);
            b.Property(w => w.Events).HasMaxLength(500);
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A list stored as one JSON column, compared by content so edits are saved.</summary>
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, JsonOptions), s => JsonSerializer.Deserialize<T>(s, JsonOptions)!);

    private static ValueComparer<T> JsonComparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
        v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)!);
}
