using System.Globalization;

namespace Redress.Domain.Sla;

/// <summary>
/// R-SLA-2: when an organisation works, so SLA clocks can count business time. Weekly hours on the wall clock
/// of one time zone, and dated exceptions to them: public holidays and 调休 make-up working days.
/// The arithmetic takes and returns UTC instants (Kind Utc, or Unspecified read as UTC); the wall clock only
/// decides where the working periods fall, so a period on a daylight-saving day is shorter or longer in real time.
/// </summary>
/// <remarks>
/// The arithmetic walks period by period and day by day, never minute by minute, over a lookup built once
/// from <see cref="Hours"/> and <see cref="Days"/>. Edit through <see cref="SetHours"/>, <see cref="SetDay"/>,
/// <see cref="SetDays"/> and <see cref="RemoveDay"/>: they drop the lookup. The lists are public for EF Core.
/// </remarks>
public sealed partial class BusinessCalendar
{
    public int Id { get; private set; }
    /// <summary>E.g. CN.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>IANA id, e.g. Asia/Shanghai.</summary>
    public string TimeZoneId { get; private set; } = "";
    public List<WorkingPeriod> Hours { get; private set; } = [];
    public List<CalendarDay> Days { get; private set; } = [];

    // Not mapped (EF Core maps properties, not a private field without one). Replaced whole, never changed,
    // so a calendar shared by the scheduler's threads at worst builds it twice.
    private Schedule? _schedule;

    private BusinessCalendar() { }

    public static Result<BusinessCalendar> Create(string code, string name, string timeZoneId, IEnumerable<WorkingPeriod> hours)
    {
        if (string.IsNullOrWhiteSpace(code)) return Error.Invalid("code_required", "A calendar needs a code, such as CN.", "code");
        if (string.IsNullOrWhiteSpace(name)) return Error.Invalid("name_required", "A calendar needs a name.", "name");
        if (Zone(timeZoneId) is not { } zone) return UnknownZone(timeZoneId);
        var periods = Copy(hours);
        if (CheckHours(periods) is { } error) return error;
        return new BusinessCalendar { Code = code.Trim(), Name = name.Trim(), TimeZoneId = zone.Id, Hours = periods };
    }

    /// <summary>
    /// The wall clock the hours and dates are read on, e.g. a branch that moves; running clocks keep their due
    /// times, new ones count in the new zone.
    /// </summary>
    public Result SetTimeZone(string timeZoneId)
    {
        if (Zone(timeZoneId) is not { } zone) return UnknownZone(timeZoneId);
        TimeZoneId = zone.Id;
        _schedule = null;
        return Result.Success;
    }

    private static TimeZoneInfo? Zone(string? id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id?.Trim() ?? "", out var zone) && zone.HasIanaId ? zone : null;

    private static Error UnknownZone(string? id) =>
        Error.Invalid("unknown_time_zone", $"'{id}' is not an IANA time zone id such as Asia/Shanghai or Europe/London.", "timeZoneId");

    /// <summary>Replaces the weekly hours.</summary>
    public Result SetHours(IEnumerable<WorkingPeriod> hours)
    {
        var periods = Copy(hours);
        if (CheckHours(periods) is { } error) return error;
        Hours.Clear();
        Hours.AddRange(periods);
        _schedule = null;
        return Result.Success;
    }

    /// <summary>Adds the day, or replaces what the calendar said about that date.</summary>
    public Result SetDay(DateOnly date, CalendarDayKind kind, string name)
    {
        if (CheckDay(date, kind, name) is { } error) return error;
        Put(new CalendarDay(date, kind, name.Trim()));
        _schedule = null;
        return Result.Success;
    }

    /// <summary>
    /// Adds or replaces several days at once, e.g. a year's State Council notice; all or none. Dates the
    /// calendar already lists and the input does not mention stay as they are.
    /// </summary>
    public Result SetDays(IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        var seen = new HashSet<DateOnly>();
        foreach (var day in list)
        {
            if (CheckDay(day.Date, day.Kind, day.Name) is { } error) return error;
            if (!seen.Add(day.Date))
                return Error.Invalid("duplicate_day", $"{Format(day.Date)} is listed twice; say once whether it is a holiday or a working day.", "days");
        }
        foreach (var day in list) Put(new CalendarDay(day.Date, day.Kind, day.Name.Trim()));
        _schedule = null;
        return Result.Success;
    }

    /// <summary>The date follows the weekly hours again.</summary>
    public void RemoveDay(DateOnly date)
    {
        Days.RemoveAll(d => d.Date == date);
        _schedule = null;
    }

    private void Put(CalendarDay day)
    {
        var index = Days.FindIndex(d => d.Date == day.Date);
        if (index < 0) Days.Add(day);
        else Days[index] = day;
    }

    private static List<WorkingPeriod> Copy(IEnumerable<WorkingPeriod> hours) =>
        // Copies: one period object must not end up owned by two calendars.
        [.. hours.Select(p => new WorkingPeriod(p.Day, p.Start, p.End)).OrderBy(p => p.Day).ThenBy(p => p.Start)];

    private static Error? CheckHours(List<WorkingPeriod> hours)
    {
        if (hours.Count == 0)
            return Error.Invalid("calendar_no_hours", "A calendar needs at least one working period, or no business deadline could ever fall due.", "hours");
        foreach (var p in hours)
        {
            if (!Enum.IsDefined(p.Day)) return Error.Invalid("unknown_day_of_week", $"{(int)p.Day} is not a day of the week.", "hours");
            if (p.End <= p.Start)
                return Error.Invalid("period_end_before_start", $"{p} does not end after it starts; a period cannot run past midnight, so split it there.", "hours");
        }
        foreach (var day in hours.GroupBy(p => p.Day))
        {
            WorkingPeriod? previous = null;
            foreach (var p in day.OrderBy(p => p.Start))
            {
                if (previous is not null && p.Start < previous.End)
                    return Error.Invalid("periods_overlap", $"{previous} and {p} overlap; the time would count twice.", "hours");
                previous = p;
            }
        }
        return null;
    }

    private static Error? CheckDay(DateOnly date, CalendarDayKind kind, string? name)
    {
        if (!Enum.IsDefined(kind)) return Error.Invalid("unknown_day_kind", $"{(int)kind} is neither a holiday nor a working day.", "kind");
        if (string.IsNullOrWhiteSpace(name)) return Error.Invalid("day_name_required", $"Say what {Format(date)} is, e.g. 春节.", "name");
        return null;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What a dated exception to the weekly hours does to its day.</summary>
public enum CalendarDayKind
{
    /// <summary>No working hours that day, whatever the weekday (法定节假日 and the 调休 days off).</summary>
    Holiday,
    /// <summary>调休 make-up working day: a weekend day that is worked, with the standard weekday hours.</summary>
    Workday,
}

/// <summary>Whether a deadline counts every hour (自然日/小时) or only the calendar's working time (工作日/工作时间).</summary>
public enum TimeBasis
{
    Calendar,
    Business,
}

/// <summary>
/// One stretch of working time on a weekday, on the calendar's wall clock. A day may have several (a lunch
/// break is the gap between two); none runs past midnight.
/// </summary>
public sealed class WorkingPeriod
{
    public WorkingPeriod(DayOfWeek day, TimeOnly start, TimeOnly end) => (Day, Start, End) = (day, start, end);

    public DayOfWeek Day { get; private set; }
    public TimeOnly Start { get; private set; }
    /// <summary>Exclusive. <see cref="TimeOnly.MaxValue"/> means midnight at the end of the day, so a day can be worked round the clock.</summary>
    public TimeOnly End { get; private set; }

    private WorkingPeriod() { }

    public override string ToString() =>
        $"{Day} {Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>A dated exception to the weekly hours: a public holiday or a 调休 make-up working day.</summary>
public sealed class CalendarDay
{
    public CalendarDay(DateOnly date, CalendarDayKind kind, string name) => (Date, Kind, Name) = (date, kind, name);

    /// <summary>The date on the calendar's wall clock.</summary>
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    /// <summary>What people call the day, e.g. 春节 or 国庆节调休上班.</summary>
    public string Name { get; private set; } = "";

    private CalendarDay() { }
}
