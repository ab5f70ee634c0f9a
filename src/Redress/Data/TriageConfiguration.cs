using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Triage;

namespace Redress.Data;

/// <summary>Triage rules, the suggestion stored with each case, and people's answers to suggestions (R-CL-3).</summary>
internal static class TriageConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<TriageRule>(b =>
        {
            b.ToTable("TriageRules");
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.Language).HasConversion<string>().HasMaxLength(8);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(8);
            b.Property(r => r.Terms).HasMaxLength(4_000);
            b.Property(r => r.Flags).HasConversion<int>();
            b.Property(r => r.UpdatedBy).HasMaxLength(100);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasOne<Domain.Organisation.Category>().WithMany().HasForeignKey(r => r.CategoryId);
        });
        builder.Entity<CaseTriage>(b =>
        {
            b.ToTable("CaseTriage");
            b.HasKey(t => t.CaseId);
            b.Property(t => t.CaseId).ValueGeneratedNever();
            b.HasOne<Case>().WithOne().HasForeignKey<CaseTriage>(t => t.CaseId);
            b.Property(t => t.Flags).HasConversion<int>();
            b.Property(t => t.Anger).HasConversion<string>().HasMaxLength(8);
            b.Property(t => t.DecidedBy).HasMaxLength(100);
        });
        builder.Entity<TriageDecision>(b =>
        {
            b.ToTable("TriageDecisions");
            // Training reads the answers in order; a case's page its latest.
            b.HasIndex(d => d.At);
            b.HasIndex(d => new { d.CaseId, d.Id });
            b.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId);
            b.Property(d => d.ActorId).HasMaxLength(64);
            b.Property(d => d.ActorName).HasMaxLength(100);
            b.Property(d => d.Text).HasMaxLength(10_300);
            b.Property(d => d.SuggestedBy).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.SuggestedFlags).HasConversion<int>();
            b.Property(d => d.ChosenFlags).HasConversion<int>();
            b.Property(d => d.Anger).HasConversion<string>().HasMaxLength(8);
        });
    }
}
