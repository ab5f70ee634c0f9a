using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Organisation;
using Redress.Features.Reference;

namespace Redress.Features.Admin;

public sealed record CategoryInput(
    [property: Required, StringLength(32, MinimumLength = 1), RegularExpression("^[A-Z0-9_-]+$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameZh,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameEn,
    int? ParentId,
    int SortOrder = 0,
    bool Active = true);

/// <summary>
/// The category taxonomy (R-CL-1), for the API and the administration page alike: one level of
/// sub-categories, an order within each level, deactivation instead of deletion (cases keep their category).
/// </summary>
public sealed class ManageCategories(IDbContextFactory<RedressDb> dbs, ReferenceData reference)
{
    public async Task<Result<CategoryItem>> CreateAsync(CategoryInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await CheckAsync(db, input, null, ct) is { } error) return error;
        var c = new Category { Code = input.Code, NameZh = input.NameZh, NameEn = input.NameEn, ParentId = input.ParentId, SortOrder = input.SortOrder, Active = input.Active };
        db.Categories.Add(c);
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Item(c);
    }

    public async Task<Result<CategoryItem>> UpdateAsync(int id, CategoryInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Categories.FindAsync([id], ct);
        if (c is null) return Error.NotFound("Category");
        if (await CheckAsync(db, input, id, ct) is { } error) return error;
        (c.Code, c.NameZh, c.NameEn, c.ParentId, c.SortOrder, c.Active) = (input.Code, input.NameZh, input.NameEn, input.ParentId, input.SortOrder, input.Active);
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Item(c);
    }

    private static async Task<Error?> CheckAsync(RedressDb db, CategoryInput input, int? id, CancellationToken ct)
    {
        if (await db.Categories.AnyAsync(x => x.Code == input.Code && x.Id != id, ct)) return Error.Invalid("duplicate_code", $"Category {input.Code} exists.", "code");
        if (input.ParentId is not { } parent) return null;
        if (parent == id) return Error.Invalid("own_parent", "A category cannot be its own parent.", "parentId");
        var p = await db.Categories.FindAsync([parent], ct);
        if (p is null) return Error.Invalid("unknown_parent", $"There is no category {parent}.", "parentId");
        if (p.ParentId is not null) return Error.Invalid("too_deep", "Sub-categories go one level deep.", "parentId");
        // A top category with sub-categories of its own cannot become one: that would make a third level.
        if (id is { } self && await db.Categories.AnyAsync(x => x.ParentId == self, ct))
            return Error.Invalid("too_deep", "Sub-categories go one level deep.", "parentId");
        return null;
    }

    private static CategoryItem Item(Category c) => new(c.Id, c.Code, c.NameZh, c.NameEn, c.ParentId, c.SortOrder, c.Active);
}
