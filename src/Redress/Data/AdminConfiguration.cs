using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Redress.Domain.Cases;
using Redress.Features.Accounts;

namespace Redress.Data;

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Value).HasMaxLength(200);
        b.Property(s => s.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> b)
    {
        // The case page lists one language's templates by name.
        b.HasIndex(t => new { t.Language, t.Name }).IsUnique();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Language).HasMaxLength(8);
        b.Property(t => t.Text).HasMaxLength(4000);
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        // Every read is "this user's views", and a name is unique per user.
        b.HasIndex(v => new { v.UserId, v.Name }).IsUnique();
        b.Property(v => v.Name).HasMaxLength(100);
        b.Property(v => v.Query).HasMaxLength(1000);
        // A user's views go with the user; they are preferences, not records.
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
