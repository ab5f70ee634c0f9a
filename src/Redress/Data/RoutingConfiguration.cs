using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Domain.Organisation;
using Redress.Domain.Routing;
using Redress.Features.Routing;

namespace Redress.Data;

/// <summary>Routing rules, departments' routing policies, and whom a case is about (R-WF-2).</summary>
internal static class RoutingConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RoutingRule>(b =>
        {
            b.ToTable("RoutingRules");
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.ProductPattern).HasMaxLength(1_000);
            b.Property(r => r.RegionKeywords).HasMaxLength(1_000);
            b.Property(r => r.UpdatedBy).HasMaxLength(100);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId);
            b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId);
        });
        builder.Entity<DepartmentRouting>(b =>
        {
            b.ToTable("DepartmentRouting");
            b.HasKey(d => d.DepartmentId);
            b.Property(d => d.DepartmentId).ValueGeneratedNever();
            b.HasOne<Department>().WithOne().HasForeignKey<DepartmentRouting>(d => d.DepartmentId);
            b.Property(d => d.Policy).HasConversion<string>().HasMaxLength(12);
            b.Property(d => d.Cursor).HasMaxLength(64);
            b.Property(d => d.UpdatedBy).HasMaxLength(100);
        });
        builder.Entity<Case>(b =>
        {
            b.Property(c => c.AboutStaffId).HasMaxLength(64);
            b.Property(c => c.AboutStaffName).HasMaxLength(100);
        });
    }
}
