using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Features.Reference;

namespace Redress.Features.Sla;

/// <summary>
/// Which calendar the cases a department leads (主导部门) count with, for the API and the /admin/calendars page:
/// its own, or the active profile's. Running clocks keep their due times.
/// </summary>
public sealed class ChooseDepartmentCalendars(IDbContextFactory<RedressDb> dbs, SlaSettings settings, ReferenceData reference)
{
    public async Task<List<DepartmentCalendarItem>> ListDepartmentsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DepartmentCalendarItem(d.Id, d.Code, d.NameZh, d.NameEn, d.Active, d.CalendarCode)).ToListAsync(ct);
    }

    /// <summary>The calendar cases led by the department count with; null: the active profile's.</summary>
    public async Task<Result<DepartmentCalendarItem>> SetDepartmentCalendarAsync(int departmentId, DepartmentCalendarInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var department = await db.Departments.FindAsync([departmentId], ct);
        if (department is null) return Error.NotFound("Department");
        var code = string.IsNullOrWhiteSpace(input.CalendarCode) ? null : input.CalendarCode.Trim();
        if (code is not null && !await db.Calendars.AnyAsync(c => c.Code == code, ct))
            return Error.Invalid("unknown_calendar", $"There is no calendar {code}.", "calendarCode");
        department.CalendarCode = code;
        await db.SaveChangesAsync(ct);
        settings.Invalidate();
        reference.Invalidate();
        return new DepartmentCalendarItem(department.Id, department.Code, department.NameZh, department.NameEn, department.Active, department.CalendarCode);
    }
}
