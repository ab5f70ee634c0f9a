using System.ComponentModel.DataAnnotations;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

/// <param name="Start">HH:mm on the calendar's wall clock.</param>
/// <param name="End">HH:mm, exclusive; 24:00 for midnight at the end of the day.</param>
public sealed record PeriodInput(
    DayOfWeek Day,
    [property: Required, RegularExpression(CalendarTimes.StartPattern)] string Start,
    [property: Required, RegularExpression(CalendarTimes.EndPattern)] string End);

public sealed record NewCalendarInput(
    [property: Required, StringLength(32, MinimumLength = 1), RegularExpression("^[A-Z0-9_-]+$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, StringLength(64, MinimumLength = 1)] string TimeZoneId,
    [property: MaxLength(50)] List<PeriodInput>? Hours,
    // Hours and dated days are copied from this calendar when no hours are given, e.g. a department's CN variant.
    [property: StringLength(32)] string? CopyFrom);

public sealed record HoursInput([property: Required, MaxLength(50)] List<PeriodInput> Hours);

public sealed record DayInput(CalendarDayKind Kind, [property: Required, StringLength(100, MinimumLength = 1)] string Name);

public sealed record DatedDayInput(DateOnly Date, CalendarDayKind Kind, [property: Required, StringLength(100, MinimumLength = 1)] string Name);

/// <param name="ReplaceYears">The years the days fall in are replaced whole: dates of those years not listed follow the weekly hours again.</param>
public sealed record DaysInput([property: Required, MaxLength(400)] List<DatedDayInput> Days, bool ReplaceYears = false);

/// <param name="TimeZoneId">IANA, e.g. Asia/Shanghai or Europe/London.</param>
public sealed record TimeZoneInput([property: Required, StringLength(64, MinimumLength = 1)] string TimeZoneId);

public sealed record DepartmentCalendarInput([property: StringLength(32)] string? CalendarCode);

public sealed record PeriodItem(DayOfWeek Day, string Start, string End);

public sealed record CalendarDayItem(DateOnly Date, CalendarDayKind Kind, string Name);

public sealed record CalendarSummary(string Code, string Name, string TimeZoneId, IReadOnlyList<PeriodItem> Hours, IReadOnlyList<int> Years);

/// <param name="Revision">Changes with any change to the calendar: its ETag, sent back in If-Match.</param>
public sealed record CalendarItem(string Code, string Name, string TimeZoneId, IReadOnlyList<PeriodItem> Hours, IReadOnlyList<CalendarDayItem> Days, string Revision);

/// <param name="CalendarCode">The department's own calendar; null when it works to the active profile's.</param>
public sealed record DepartmentCalendarItem(int Id, string Code, string NameZh, string NameEn, bool Active, string? CalendarCode);
