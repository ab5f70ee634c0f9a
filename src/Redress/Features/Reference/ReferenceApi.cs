using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Features.Accounts;

namespace Redress.Features.Reference;

public sealed record CategoryItem(int Id, string Code, string NameZh, string NameEn, int? ParentId, int SortOrder, bool Active);

public sealed record DepartmentItem(int Id, string Code, string NameZh, string NameEn, bool Active);

public sealed record StaffItem(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> DepartmentIds);

/// <summary>Reference data every signed-in user may read: for pickers, filters and assignment.</summary>
public static class ReferenceApi
{
    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Reference data");
        group.MapGet("/categories", async (ReferenceData reference, CancellationToken ct) =>
            TypedResults.Ok((await reference.GetAsync(ct)).Categories.Values
                .OrderBy(c => c.ParentId ?? c.Id).ThenBy(c => c.ParentId is null ? 0 : 1).ThenBy(c => c.SortOrder)
                .Select(c => new CategoryItem(c.Id, c.Code, c.NameZh, c.NameEn, c.ParentId, c.SortOrder, c.Active)).ToList()))
            .WithSummary("The category taxonomy (R-CL-1); sub-categories carry their parent's id.");
        group.MapGet("/departments", async (ReferenceData reference, CancellationToken ct) =>
            TypedResults.Ok((await reference.GetAsync(ct)).Departments.Values.OrderBy(d => d.Id)
                .Select(d => new DepartmentItem(d.Id, d.Code, d.NameZh, d.NameEn, d.Active)).ToList()));
        group.MapGet("/users", async (int? departmentId, StaffDirectory staff, CancellationToken ct) =>
            TypedResults.Ok(await staff.ListAsync(departmentId, ct))).WithSummary("Staff, optionally of one department: for assignment.");
        group.MapGet("/reply-templates", async ([System.ComponentModel.DataAnnotations.RegularExpression("^(zh-CN|en)$")] string? language, Admin.ManageReplyTemplates templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.ListAsync(language, ct)))
            .WithSummary("Reply templates (R-WF-5) for contacts with customers, optionally of one language (zh-CN, en).");
        return group;
    }

    internal static IQueryable<StaffItem> StaffQuery(RedressDb db, IQueryable<AppUser> users) =>
        users.OrderBy(u => u.DisplayName).Select(u => new StaffItem(
            u.Id, u.UserName!, u.DisplayName,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            u.Departments.Select(x => x.DepartmentId).ToList()));
}
