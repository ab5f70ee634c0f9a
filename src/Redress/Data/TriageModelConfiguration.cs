using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Redress.Features.Triage.Learning;

namespace Redress.Data;

internal sealed class TriageModelVersionConfiguration : IEntityTypeConfiguration<TriageModelVersion>
{
    public void Configure(EntityTypeBuilder<TriageModelVersion> b)
    {
        b.ToTable("TriageModelVersions");
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(v => new { v.Kind, v.Version }).IsUnique();
        // At most one active model per kind, whatever two instances retraining at once do. A bare boolean column
        // is a valid predicate in both SQLite and PostgreSQL.
        b.HasIndex(v => v.Kind).IsUnique().HasFilter("\"IsActive\"").HasDatabaseName("IX_TriageModelVersions_Active");
        b.Property(v => v.TrainedBy).HasMaxLength(100);
        b.Property(v => v.ClassCounts).HasMaxLength(8000);
        b.Property(v => v.DataHash).HasMaxLength(64);
    }
}
