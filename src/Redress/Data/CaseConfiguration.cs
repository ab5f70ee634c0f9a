using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Redress.Domain.Cases;
using Redress.Domain.Organisation;

namespace Redress.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Number).HasMaxLength(40);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Subject).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(10_000);
        b.Property(c => c.DemandDetails).HasMaxLength(2_000);
        b.Property(c => c.AssigneeId).HasMaxLength(64);
        b.Property(c => c.AssigneeName).HasMaxLength(100);
        b.Property(c => c.CreatedById).HasMaxLength(64);
        b.Property(c => c.PortalTokenHash).HasMaxLength(64);
        b.HasIndex(c => c.PortalTokenHash).IsUnique().HasFilter(NotNull("PortalTokenHash"));
        b.Property(c => c.WithdrawalReason).HasMaxLength(2_000);
        // A bit mask: one integer column filters any combination of flags.
        b.Property(c => c.Flags).HasConversion<int>();
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.LeadDepartmentId);

        b.OwnsOne(c => c.Customer, o =>
        {
            o.Property(x => x.Name).HasMaxLength(100);
            o.Property(x => x.Phone).HasMaxLength(40);
            o.Property(x => x.Email).HasMaxLength(254);
            o.Property(x => x.Address).HasMaxLength(500);
            o.Property(x => x.CustomerId).HasMaxLength(64);
            o.Property(x => x.PhoneKey).HasMaxLength(40);
            o.Property(x => x.EmailKey).HasMaxLength(254);
            // R-IN-6 customer history looks cases up by any of these. Partial indexes: a case without the
            // value costs no index entry, and registration writes fewer pages.
            o.HasIndex(x => x.PhoneKey).HasFilter(NotNull("Customer_PhoneKey"));
            o.HasIndex(x => x.EmailKey).HasFilter(NotNull("Customer_EmailKey"));
            o.HasIndex(x => x.CustomerId).HasFilter(NotNull("Customer_CustomerId"));
        });
        b.OwnsOne(c => c.Product, o =>
        {
            o.Property(x => x.OrderNumber).HasMaxLength(64);
            o.Property(x => x.ProductName).HasMaxLength(200);
            o.Property(x => x.Sku).HasMaxLength(64);
            o.Property(x => x.BatchNumber).HasMaxLength(64);
        });
        // Only closed grade 1-2 cases have a review due.
        b.OwnsOne(c => c.Review, o => o.HasIndex(x => x.DueAt).HasFilter(NotNull("Review_DueAt")));
        b.OwnsOne(c => c.Referral, o =>
        {
            o.Property(x => x.ReferredTo).HasMaxLength(200);
            o.Property(x => x.Reason).HasMaxLength(2_000);
        });
        // Read and written whole with the case, never queried inside: JSON keeps them one column each.
        b.OwnsOne(c => c.Investigation, o =>
        {
            o.ToJson();
            o.OwnsMany(x => x.Responsibilities);
            o.OwnsMany(x => x.Evidence);
        });
        b.OwnsOne(c => c.Solution, o => o.ToJson());
        b.OwnsOne(c => c.PendingExtension, o =>
        {
            o.ToJson();
            o.Property(x => x.Approver).HasConversion<string>();
        });
        b.OwnsOne(c => c.Confirmation, o =>
        {
            o.ToJson();
            o.OwnsOne(x => x.Ratings, r => r.Ignore(x => x.Scores));
        });
        b.OwnsMany(c => c.AssistingDepartments, o =>
        {
            o.ToTable("CaseAssistingDepartments");
            o.WithOwner().HasForeignKey("CaseId");
            o.HasKey("CaseId", nameof(AssistingDepartment.DepartmentId));
            // A department id is chosen, never generated (EF would otherwise assume it is, and SQLite cannot).
            o.Property(a => a.DepartmentId).ValueGeneratedNever();
            // R-SEC-1 scope: "cases my department assists" starts here.
            o.HasIndex(nameof(AssistingDepartment.DepartmentId), "CaseId");
        });
        b.HasMany(c => c.Timeline).WithOne().HasForeignKey(t => t.CaseId);
        b.HasMany(c => c.Communications).WithOne().HasForeignKey(t => t.CaseId);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(t => t.CaseId);
        b.HasMany(c => c.Clocks).WithOne().HasForeignKey(t => t.CaseId);
        b.Property(c => c.SlaPolicyKey).HasMaxLength(32);

        // Queues: open cases of a department, of a handler, or of everyone, by due date (keyset on Id).
        b.HasIndex(c => new { c.LeadDepartmentId, c.IsOpen, c.DueAt, c.Id });
        // "Assigned to X" only: a new case has no assignee, so registration skips this index.
        b.HasIndex(c => new { c.AssigneeId, c.IsOpen, c.DueAt, c.Id }).HasFilter(NotNull("AssigneeId"));
        b.HasIndex(c => new { c.IsOpen, c.DueAt, c.Id });
        b.HasIndex(c => new { c.Status, c.Id });
        b.HasIndex(c => c.CreatedAt);
        // R-SLA-5's bucket report: the cases closed in a period, in closing order, with what their band needs (covering:
        // a month at 1,000,000 cases is ~30,000 rows read from the index alone). Open cases have no ClosedAt, so
        // registration does not write it.
        b.HasIndex(c => new { c.Status, c.ClosedAt, c.Id, c.CreatedAt, c.LeadDepartmentId }).HasFilter(NotNull("ClosedAt"));
    }

    /// <summary>A partial index's filter; both databases quote identifiers the same way.</summary>
    private static string NotNull(string column) => $"\"{column}\" IS NOT NULL";
}
