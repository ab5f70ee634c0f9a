using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Accounts;
using Redress.Features.Reference;

namespace Redress.Features.Admin;

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

/// <summary>A staff account as the administration page lists it.</summary>
public sealed record UserRow(string Id, string UserName, string DisplayName, string Language, IReadOnlyList<string> Roles, IReadOnlyList<int> DepartmentIds, bool Locked);

/// <summary>
/// Staff accounts (R-SEC-1), for the API and the administration page alike. Identity's UserManager works on a
/// scoped DbContext; each operation takes its own scope, so a page's long-lived circuit never holds one.
/// </summary>
public sealed class ManageUsers(IServiceScopeFactory scopes, IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new
        {
            u.Id, u.UserName, u.DisplayName, u.Language, u.LockoutEnd,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            Departments = u.Departments.Select(d => d.DepartmentId).ToList(),
        }).ToListAsync(ct);
        // LockoutEnd is compared here, not in SQL: SQLite cannot compare DateTimeOffset in a query.
        var now = clock.GetUtcNow();
        return [.. rows.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Language, u.Roles, u.Departments, u.LockoutEnd > now))];
    }

    public async Task<Result<StaffItem>> CreateAsync(NewUserInput input, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = (scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider.GetRequiredService<RedressDb>());
        if (CheckRoles(input.Roles) is { } badRole) return badRole;
        if (await CheckDepartmentsAsync(db, input.DepartmentIds, ct) is { } bad) return bad;
        if (await users.FindByNameAsync(input.UserName) is not null) return Error.Invalid("duplicate_user", $"User {input.UserName} exists.", "userName");
        try
        {
            var user = await Seeding.CreateUserAsync(users, input.UserName, input.DisplayName, input.Language ?? "zh-CN", input.Password,
                [.. input.Roles.Distinct()], [.. (input.DepartmentIds ?? []).Distinct()]);
            return await ReferenceApi.StaffQuery(db, db.Users.Where(u => u.Id == user.Id)).FirstAsync(ct);
        }
        catch (InvalidOperationException ex)
        {
            // Identity's password rules said no; its message says which.
            return Error.Invalid("user_rejected", ex.Message, "password");
        }
    }

    /// <param name="actor">The administrator: who may not lock themselves out or drop their own Admin role.</param>
    public async Task<Result<StaffItem>> UpdateAsync(string id, UserUpdateInput input, Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = (scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider.GetRequiredService<RedressDb>());
        var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Error.NotFound("User");
        if (CheckRoles(input.Roles) is { } badRole) return badRole;
        if (await CheckDepartmentsAsync(db, input.DepartmentIds, ct) is { } bad) return bad;
        if (id == actor.UserId && (input.Locked is true || !input.Roles.Contains(Role.Admin)))
            return Error.Invalid("own_account", "You cannot lock yourself out or remove your own Admin role; ask another administrator.", "roles");
        user.DisplayName = input.DisplayName;
        user.Language = input.Language ?? user.Language;
        user.Departments = [.. (input.DepartmentIds ?? []).Distinct().Select(d => new UserDepartment { UserId = id, DepartmentId = d })];
        if (input.Locked is { } locked) user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        if (input.Locked is false) user.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        var current = await users.GetRolesAsync(user);
        var wanted = input.Roles.Select(r => r.ToString()).ToHashSet();
        await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r)));
        await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r)));
        // A new security stamp signs the user out of cookies, so new roles and departments take effect.
        await users.UpdateSecurityStampAsync(user);
        return await ReferenceApi.StaffQuery(db, db.Users.Where(u => u.Id == id)).FirstAsync(ct);
    }

    /// <summary>Customers act on the portal without an account; no staff member can be one.</summary>
    private static Error? CheckRoles(List<Role> roles) => roles.Contains(Role.Customer)
        ? Error.Invalid("customer_role", "Customer is not a staff role: customers use the portal without an account.", "roles")
        : null;

    private static async Task<Error?> CheckDepartmentsAsync(RedressDb db, List<int>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 }) return null;
        var wanted = ids.Distinct().ToList();
        var known = await db.Departments.Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        var missing = wanted.Except(known).FirstOrDefault(-1);
        return missing == -1 ? null : Error.Invalid("unknown_department", $"There is no department {missing}.", "departmentIds");
    }
}
