using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Features.Repeats;

namespace Redress.Data;

/// <summary>Links between a customer's cases (repeats, duplicates) and where a merged duplicate went.</summary>
internal static class CaseLinkConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CaseLink>(b =>
        {
            b.ToTable("CaseLinks");
            // A case's page reads the links from it and the links to it.
            b.HasIndex(l => l.CaseId);
            b.HasIndex(l => l.LinkedCaseId);
            b.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId);
            b.HasOne<Case>().WithMany().HasForeignKey(l => l.LinkedCaseId).OnDelete(DeleteBehavior.Restrict);
            b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(l => l.Reason).HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.DismissedBy).HasMaxLength(100);
        });
        builder.Entity<Case>(b =>
        {
            b.Property(c => c.MergedIntoNumber).HasMaxLength(40);
            // The survivor's timeline and files include its merged duplicates'; few cases are merged, so the index is partial.
            b.HasIndex(c => c.MergedIntoId).HasFilter("\"MergedIntoId\" IS NOT NULL");
        });
    }
}
