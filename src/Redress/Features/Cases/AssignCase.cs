using Microsoft.EntityFrameworkCore;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Reference;

namespace Redress.Features.Cases;

/// <summary>分派 (R-WF-2): to a lead department with assisting departments and, optionally, a handler.</summary>
public sealed class AssignCase(CaseCommands commands, ReferenceData reference)
{
    private static readonly string[] HandlerRoles = [nameof(Role.Handler), nameof(Role.Lead)];

    public async Task<Result<CaseDetails>> HandleAsync(long id, int? ifMatch, AssignRequest r, Actor actor, CancellationToken ct)
    {
        var refs = await reference.GetAsync(ct);
        var assisting = r.AssistingDepartmentIds ?? [];
        foreach (var dept in assisting.Prepend(r.DepartmentId!.Value))
            if (!refs.Departments.ContainsKey(dept))
                return Error.Invalid("unknown_department", $"There is no department {dept}.", dept == r.DepartmentId ? "departmentId" : "assistingDepartmentIds");

        return await commands.RunAsync(id, ifMatch, actor, appendOnly: false, async (kase, now, db) =>
        {
            Assignee? handler = null;
            if (r.HandlerId is { } handlerId)
            {
                var user = await db.Users.AsNoTracking()
                    .Where(u => u.Id == handlerId)
                    .Select(u => new
                    {
                        u.Id,
                        u.DisplayName,
                        Departments = u.Departments.Select(d => d.DepartmentId).ToList(),
                        CanHandle = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(role => role.Id == ur.RoleId && HandlerRoles.Contains(role.Name!))),
                    })
                    .FirstOrDefaultAsync(ct);
                if (user is null) return Error.Invalid("unknown_handler", $"There is no user {handlerId}.", "handlerId");
                if (!user.CanHandle) return Error.Invalid("not_a_handler", $"{user.DisplayName} is neither a handler nor a lead.", "handlerId");
                handler = new Assignee(user.Id, user.DisplayName, user.Departments.ToHashSet());
            }
            return kase.Assign(actor, now, r.DepartmentId!.Value, assisting, handler, r.Note);
        }, ct);
    }
}
