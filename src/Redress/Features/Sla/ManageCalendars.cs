using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

/// <summary>
/// R-SLA-2 for administrators, through the API and the /admin/calendars page alike: business calendars, their
/// weekly hours and time zone, their public holidays and 调休 make-up days, a year at a time. Clocks already
/// running keep their due times; new ones count with the new calendar.
/// </summary>
public sealed class ManageCalendars(IDbContextFactory<RedressDb> dbs, SlaSettings settings)
{
    public static readonly Error Stale = new("stale", "The calendar was changed by someone else since you read it; reload and try again.", ErrorKind.PreconditionFailed);

    public async Task<List<CalendarSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var calendars = await db.Calendars.AsNoTracking().AsSplitQuery().OrderBy(c => c.Code).ToListAsync(ct);
        return [.. calendars.Select(c => new CalendarSummary(c.Code, c.Name, c.TimeZoneId, Periods(c),
            [.. c.Days.Select(d => d.Date.Year).Distinct().Order()]))];
    }

    public async Task<Result<CalendarItem>> GetAsync(string code, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var calendar = await One(db.Calendars.AsNoTracking(), code, ct);
        return calendar is null ? Error.NotFound("Calendar") : Item(calendar);
    }

    public async Task<Result<CalendarItem>> CreateAsync(NewCalendarInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Calendars.AnyAsync(c => c.Code == input.Code, ct))
            return Error.Invalid("duplicate_code", $"Calendar {input.Code} exists.", "code");
        BusinessCalendar? source = null;
        if (input.CopyFrom is { Length: > 0 } from && (source = await One(db.Calendars.AsNoTracking(), from, ct)) is null)
            return Error.Invalid("unknown_calendar", $"There is no calendar {from} to copy.", "copyFrom");
        var hours = input.Hours is { Count: > 0 } given ? [.. given.Select(CalendarTimes.Period)] : source?.Hours ?? [];
        var created = BusinessCalendar.Create(input.Code, input.Name, input.TimeZoneId, hours);
        if (!created.IsSuccess) return created.Error!;
        if (source is not null && input.Hours is not { Count: > 0 }) created.Value.SetDays(source.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)));
        db.Calendars.Add(created.Value);
        await db.SaveChangesAsync(ct);
        settings.Invalidate();
        return Item(created.Value);
    }

    /// <summary>Replaces the weekly hours; needs the revision read (If-Match), as the hours are replaced whole.</summary>
    public Task<Result<CalendarItem>> SetHoursAsync(string code, string? ifMatch, HoursInput input, CancellationToken ct) =>
        ifMatch is null ? Task.FromResult<Result<CalendarItem>>(Error.VersionRequired)
            : EditAsync(code, ifMatch, c => c.SetHours(input.Hours.Select(CalendarTimes.Period)), ct);

    /// <summary>Adds the day or replaces what the calendar said about its date. If-Match is optional: the date says what changes.</summary>
    public Task<Result<CalendarItem>> SetDayAsync(string code, DateOnly date, string? ifMatch, DayInput input, CancellationToken ct) =>
        EditAsync(code, ifMatch, c => c.SetDay(date, input.Kind, input.Name), ct);

    /// <summary>Several days at once, all or none: e.g. next year's State Council notice (add a year).</summary>
    public Task<Result<CalendarItem>> SetDaysAsync(string code, string? ifMatch, DaysInput input, CancellationToken ct) =>
        EditAsync(code, ifMatch, c =>
        {
            var days = input.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)).ToList();
            // A refusal after the removal is not saved (EditAsync saves only on success), so the year stays as it was.
            if (input.ReplaceYears)
            {
                var years = days.Select(d => d.Date.Year).ToHashSet();
                foreach (var old in c.Days.Where(d => years.Contains(d.Date.Year)).Select(d => d.Date).ToList()) c.RemoveDay(old);
            }
            return c.SetDays(days);
        }, ct);

    public Task<Result<CalendarItem>> RemoveDayAsync(string code, DateOnly date, string? ifMatch, CancellationToken ct) =>
        EditAsync(code, ifMatch, c =>
        {
            if (c.Days.All(d => d.Date != date)) return Error.NotFound("Day");
            c.RemoveDay(date);
            return Result.Success;
        }, ct);

    /// <summary>The wall clock the calendar's hours and dates are read on; needs the revision read (If-Match).</summary>
    public Task<Result<CalendarItem>> SetTimeZoneAsync(string code, string? ifMatch, TimeZoneInput input, CancellationToken ct) =>
        ifMatch is null ? Task.FromResult<Result<CalendarItem>>(Error.VersionRequired)
            : EditAsync(code, ifMatch, c => c.SetTimeZone(input.TimeZoneId), ct);

    private async Task<Result<CalendarItem>> EditAsync(string code, string? ifMatch, Func<BusinessCalendar, Result> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        // There is no version column: the revision is a hash of the content, so the calendar's row is locked
        // (PostgreSQL; SQLite has one writer) for the compare and the write to be one step.
        if (!db.IsSqlite) await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "BusinessCalendars" WHERE "Code" = {code} FOR UPDATE""", ct);
        var calendar = await One(db.Calendars, code, ct);
        if (calendar is null) return Error.NotFound("Calendar");
        if (ifMatch is not null && ifMatch != Revision(calendar)) return Stale;
        var result = change(calendar);
        if (!result.IsSuccess) return result.Error!;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        settings.Invalidate();
        return Item(calendar);
    }

    /// <summary>One calendar with its hours and days: two owned collections, so two queries rather than their product.</summary>
    private static Task<BusinessCalendar?> One(IQueryable<BusinessCalendar> calendars, string code, CancellationToken ct) =>
        calendars.AsSplitQuery().Where(c => c.Code == code).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>A hash of everything the calendar says, in a fixed order: equal content, equal revision.</summary>
    private static string Revision(BusinessCalendar c)
    {
        var text = string.Join('\n', [c.Name, c.TimeZoneId,
            .. c.Hours.OrderBy(p => p.Day).ThenBy(p => p.Start).Select(p => FormattableString.Invariant($"{p.Day} {p.Start.Ticks} {p.End.Ticks}")),
            .. c.Days.OrderBy(d => d.Date).Select(d => FormattableString.Invariant($"{d.Date.DayNumber} {d.Kind} {d.Name}"))]);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static List<PeriodItem> Periods(BusinessCalendar c) =>
        [.. c.Hours.OrderBy(p => p.Day == DayOfWeek.Sunday ? 7 : (int)p.Day).ThenBy(p => p.Start)
            .Select(p => new PeriodItem(p.Day, CalendarTimes.Format(p.Start), CalendarTimes.FormatEnd(p.End)))];

    private static CalendarItem Item(BusinessCalendar c) => new(c.Code, c.Name, c.TimeZoneId, Periods(c),
        [.. c.Days.OrderBy(d => d.Date).Select(d => new CalendarDayItem(d.Date, d.Kind, d.Name))], Revision(c));
}
