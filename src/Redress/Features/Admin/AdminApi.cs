using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Organisation;
using Redress.Features.Accounts;
using Redress.Features.Reference;
using Redress.Web;

namespace Redress.Features.Admin;

public sealed record DepartmentInput(
    [property: Required, StringLength(32, MinimumLength = 1), RegularExpression("^[A-Z0-9_-]+$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameZh,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameEn,
    bool Active = true);

public sealed record CategoryInput(
    [property: Required, StringLength(32, MinimumLength = 1), RegularExpression("^[A-Z0-9_-]+$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameZh,
    [property: Required, StringLength(100, MinimumLength = 1)] string NameEn,
    int? ParentId,
    int SortOrder = 0,
    bool Active = true);

public sealed record NewUserInput(
    [property: Required, StringLength(64, MinimumLength = 2), RegularExpression("^[a-zA-Z0-9._-]+$")] string UserName,
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName,
    [property: Required, StringLength(200, MinimumLength = 8)] string Password,
    [property: RegularExpression("^(zh-CN|en)$")] string? Language,
    [property: Required, MinLength(1)] List<Role> Roles,
    List<int>? DepartmentIds);

public sealed record UserUpdateInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName,
    [property: RegularExpression("^(zh-CN|en)$")] string? Language,
    [property: Required] List<Role> Roles,
    List<int>? DepartmentIds,
    bool? Locked);

/// <summary>Administration of reference data and accounts (R-SEC-1: administrators only).</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization("Admin");

        admin.MapPost("/departments", async Task<Results<Created<DepartmentItem>, ProblemHttpResult>> (DepartmentInput body, RedressDb db, ReferenceData reference, CancellationToken ct) =>
        {
            if (await db.Departments.AnyAsync(d => d.Code == body.Code, ct)) return Problems.From(Error.Invalid("duplicate_code", $"Department {body.Code} exists.", "code"));
            var d = new Department { Code = body.Code, NameZh = body.NameZh, NameEn = body.NameEn, Active = body.Active };
            db.Departments.Add(d);
            await db.SaveChangesAsync(ct);
            reference.Invalidate();
            return TypedResults.Created($"/api/v1/departments/{d.Id}", new DepartmentItem(d.Id, d.Code, d.NameZh, d.NameEn, d.Active));
        });
        admin.MapPut("/departments/{id:int}", async Task<Results<Ok<DepartmentItem>, ProblemHttpResult>> (int id, DepartmentInput body, RedressDb db, ReferenceData reference, CancellationToken ct) =>
        {
            var d = await db.Departments.FindAsync([id], ct);
            if (d is null) return Problems.From(Error.NotFound("Department"));
            if (await db.Departments.AnyAsync(x => x.Code == body.Code && x.Id != id, ct)) return Problems.From(Error.Invalid("duplicate_code", $"Department {body.Code} exists.", "code"));
            (d.Code, d.NameZh, d.NameEn, d.Active) = (body.Code, body.NameZh, body.NameEn, body.Active);
            await db.SaveChangesAsync(ct);
            reference.Invalidate();
            return TypedResults.Ok(new DepartmentItem(d.Id, d.Code, d.NameZh, d.NameEn, d.Active));
        });

        admin.MapPost("/categories", async Task<Results<Created<CategoryItem>, ProblemHttpResult>> (CategoryInput body, RedressDb db, ReferenceData reference, CancellationToken ct) =>
        {
            if (await CheckCategory(db, body, null, ct) is { } error) return Problems.From(error);
            var c = new Category { Code = body.Code, NameZh = body.NameZh, NameEn = body.NameEn, ParentId = body.ParentId, SortOrder = body.SortOrder, Active = body.Active };
            db.Categories.Add(c);
            await db.SaveChangesAsync(ct);
            reference.Invalidate();
            return TypedResults.Created($"/api/v1/categories/{c.Id}", new CategoryItem(c.Id, c.Code, c.NameZh, c.NameEn, c.ParentId, c.SortOrder, c.Active));
        });
        admin.MapPut("/categories/{id:int}", async Task<Results<Ok<CategoryItem>, ProblemHttpResult>> (int id, CategoryInput body, RedressDb db, ReferenceData reference, CancellationToken ct) =>
        {
            var c = await db.Categories.FindAsync([id], ct);
            if (c is null) return Problems.From(Error.NotFound("Category"));
            if (await CheckCategory(db, body, id, ct) is { } error) return Problems.From(error);
            (c.Code, c.NameZh, c.NameEn, c.ParentId, c.SortOrder, c.Active) = (body.Code, body.NameZh, body.NameEn, body.ParentId, body.SortOrder, body.Active);
            await db.SaveChangesAsync(ct);
            reference.Invalidate();
            return TypedResults.Ok(new CategoryItem(c.Id, c.Code, c.NameZh, c.NameEn, c.ParentId, c.SortOrder, c.Active));
        });

        admin.MapPost("/users", async Task<Results<Created<StaffItem>, ProblemHttpResult>> (NewUserInput body, UserManager<AppUser> users, RedressDb db, CancellationToken ct) =>
        {
            if (CheckRoles(body.Roles) is { } badRole) return Problems.From(badRole);
            if (await CheckDepartments(db, body.DepartmentIds, ct) is { } bad) return Problems.From(bad);
            if (await users.FindByNameAsync(body.UserName) is not null) return Problems.From(Error.Invalid("duplicate_user", $"User {body.UserName} exists.", "userName"));
            try
            {
                var user = await Seeding.CreateUserAsync(users, body.UserName, body.DisplayName, body.Language ?? "zh-CN", body.Password, [.. body.Roles.Distinct()], [.. (body.DepartmentIds ?? []).Distinct()]);
                return TypedResults.Created($"/api/v1/users/{user.Id}", await ReferenceApi.StaffQuery(db, db.Users.Where(u => u.Id == user.Id)).FirstAsync(ct));
            }
            catch (InvalidOperationException ex)
            {
                return Problems.From(Error.Invalid("user_rejected", ex.Message, "password"));
            }
        });
        admin.MapPut("/users/{id}", async Task<Results<Ok<StaffItem>, ProblemHttpResult>> (string id, UserUpdateInput body, UserManager<AppUser> users, RedressDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null) return Problems.From(Error.NotFound("User"));
            if (CheckRoles(body.Roles) is { } badRole) return Problems.From(badRole);
            if (await CheckDepartments(db, body.DepartmentIds, ct) is { } bad) return Problems.From(bad);
            user.DisplayName = body.DisplayName;
            user.Language = body.Language ?? user.Language;
            user.Departments = [.. (body.DepartmentIds ?? []).Distinct().Select(d => new UserDepartment { UserId = id, DepartmentId = d })];
            if (body.Locked is { } locked) user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
            if (body.Locked is false) user.AccessFailedCount = 0;
            await db.SaveChangesAsync(ct);
            var current = await users.GetRolesAsync(user);
            var wanted = body.Roles.Select(r => r.ToString()).ToHashSet();
            await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r)));
            await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r)));
            // A new security stamp signs the user out of cookies, so new roles and departments take effect.
            await users.UpdateSecurityStampAsync(user);
            return TypedResults.Ok(await ReferenceApi.StaffQuery(db, db.Users.Where(u => u.Id == id)).FirstAsync(ct));
        });
        return admin;
    }

    /// <summary>Customers act on the portal without an account; no staff member can be one.</summary>
    private static Error? CheckRoles(List<Role> roles) => roles.Contains(Role.Customer)
        ? Error.Invalid("customer_role", "Customer is not a staff role: customers use the portal without an account.", "roles")
        : null;

    private static async Task<Error?> CheckDepartments(RedressDb db, List<int>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return null;
        var wanted = ids.Distinct().ToList();
        var known = await db.Departments.Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        var missing = wanted.Except(known).FirstOrDefault(-1);
        return missing == -1 ? null : Error.Invalid("unknown_department", $"There is no department {missing}.", "departmentIds");
    }

    private static async Task<Error?> CheckCategory(RedressDb db, CategoryInput body, int? id, CancellationToken ct)
    {
        if (await db.Categories.AnyAsync(x => x.Code == body.Code && x.Id != id, ct)) return Error.Invalid("duplicate_code", $"Category {body.Code} exists.", "code");
        if (body.ParentId is { } parent)
        {
            if (parent == id) return Error.Invalid("own_parent", "A category cannot be its own parent.", "parentId");
            var p = await db.Categories.FindAsync([parent], ct);
            if (p is null) return Error.Invalid("unknown_parent", $"There is no category {parent}.", "parentId");
            if (p.ParentId is not null) return Error.Invalid("too_deep", "Sub-categories go one level deep.", "parentId");
        }
        return null;
    }
}
