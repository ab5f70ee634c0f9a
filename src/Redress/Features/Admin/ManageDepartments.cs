using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Organisation;
using Redress.Features.Reference;

namespace Redress.Features.Admin;

public sealed record DepartmentInput(
    [property: Required, StringLength(32, MinimumLength = 1), RegularExpression("^[A-Z0-9_-]+$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameZh,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameEn,
    bool Active = true);

/// <summary>
/// Adds, renames and deactivates departments, for the API and the administration page alike. A department
/// is never deleted: cases and users keep pointing at it; deactivated, it is no longer offered.
/// </summary>
public sealed class ManageDepartments(IDbContextFactory<RedressDb> dbs, ReferenceData reference)
{
    public async Task<Result<DepartmentItem>> CreateAsync(DepartmentInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Departments.AnyAsync(d => d.Code == input.Code, ct)) return DuplicateCode(input.Code);
        var d = new Department { Code = input.Code, NameZh = input.NameZh, NameEn = input.NameEn, Active = input.Active };
        db.Departments.Add(d);
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Item(d);
    }

    public async Task<Result<DepartmentItem>> UpdateAsync(int id, DepartmentInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var d = await db.Departments.FindAsync([id], ct);
        if (d is null) return Error.NotFound("Department");
        if (await db.Departments.AnyAsync(x => x.Code == input.Code && x.Id != id, ct)) return DuplicateCode(input.Code);
        (d.Code, d.NameZh, d.NameEn, d.Active) = (input.Code, input.NameZh, input.NameEn, input.Active);
        await db.SaveChangesAsync(ct);
        reference.Invalidate();
        return Item(d);
    }

    private static Error DuplicateCode(string code) => Error.Invalid("duplicate_code", $"Department {code} exists.", "code");

    private static DepartmentItem Item(Department d) => new(d.Id, d.Code, d.NameZh, d.NameEn, d.Active);
}
