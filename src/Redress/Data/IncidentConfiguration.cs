using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.Data;

/// <summary>Group complaints (ADR 0011): the group key of each case, incidents, their cases and their history.</summary>
internal static class IncidentConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CaseGroupKey>(b =>
        {
            b.ToTable("CaseGroupKeys");
            b.HasKey(k => new { k.Key, k.CaseId });
            b.Property(k => k.Key).HasMaxLength(GroupKeys.MaxLength);
            b.Property(k => k.CustomerKey).HasMaxLength(300);
            b.HasOne<Case>().WithMany().HasForeignKey(k => k.CaseId);
            // The threshold: one key's cases in the window, with their customers, read from the index alone.
            b.HasIndex(k => new { k.Key, k.CreatedAt, k.CustomerKey, k.CaseId });
            b.HasIndex(k => k.CaseId);
        });
        builder.Entity<Incident>(b =>
        {
            b.ToTable("Incidents");
            b.Property(i => i.GroupKey).HasMaxLength(GroupKeys.MaxLength);
            b.Property(i => i.KeyKind).HasConversion<string>().HasMaxLength(12);
            b.Property(i => i.Label).HasMaxLength(300);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(i => i.Version).IsConcurrencyToken();
            b.Property(i => i.OwnerId).HasMaxLength(64);
            b.Property(i => i.OwnerName).HasMaxLength(100);
            b.Property(i => i.Summary).HasMaxLength(4_000);
            // Exactly one running incident per key: concurrent registrations that cross the threshold together
            // open one, and the others join it (INSERT … ON CONFLICT DO NOTHING, then read the winner's).
            b.HasIndex(i => i.GroupKey).IsUnique().HasFilter("\"ClosedAt\" IS NULL");
            b.HasIndex(i => new { i.OpenedAt, i.Id });
            b.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId);
        });
        builder.Entity<IncidentUpdate>(b =>
        {
            b.ToTable("IncidentUpdates");
            b.HasIndex(u => new { u.IncidentId, u.Id });
            b.Property(u => u.Event).HasConversion<string>().HasMaxLength(20);
            b.Property(u => u.FromStatus).HasConversion<string>().HasMaxLength(12);
            b.Property(u => u.ToStatus).HasConversion<string>().HasMaxLength(12);
            b.Property(u => u.ActorId).HasMaxLength(64);
            b.Property(u => u.ActorName).HasMaxLength(100);
            b.Property(u => u.Text).HasMaxLength(4_000);
        });
        builder.Entity<IncidentCase>(b =>
        {
            b.ToTable("IncidentCases");
            b.HasKey(c => new { c.IncidentId, c.CaseId });
            // A case is in at most one incident, and "is this case in one" is one seek.
            b.HasIndex(c => c.CaseId).IsUnique();
            b.Property(c => c.CustomerKey).HasMaxLength(300);
            b.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId);
            b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId);
        });
    }
}
