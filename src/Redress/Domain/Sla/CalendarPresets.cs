namespace Redress.Domain.Sla;

/// <summary>
/// Ready-made calendars with 2026's dated days. Later years follow only the weekly hours until an administrator
/// adds them (<see cref="SetDays"/>): the State Council publishes China's schedule each autumn, not by a rule.
/// </summary>
public sealed partial class BusinessCalendar
{
    /// <summary>Mon-Fri 09:00-12:00 and 13:00-18:00 in Beijing time, with the 2026 holidays and 调休 make-up days.</summary>
    public static BusinessCalendar ChinaMainland() =>
        Preset("CN", "中国大陆", "Asia/Shanghai", [.. Weekdays(9, 12), .. Weekdays(13, 18)], China2026());

    /// <summary>Mon-Fri 09:00-17:00 in London, with the 2026 bank holidays of England and Wales.</summary>
    public static BusinessCalendar UnitedKingdom() =>
        Preset("UK", "England and Wales", "Europe/London", Weekdays(9, 17),
        [
            Off(2026, 1, 1, "New Year's Day"),
            Off(2026, 4, 3, "Good Friday"),
            Off(2026, 4, 6, "Easter Monday"),
            Off(2026, 5, 4, "Early May bank holiday"),
            Off(2026, 5, 25, "Spring bank holiday"),
            Off(2026, 8, 31, "Summer bank holiday"),
            Off(2026, 12, 25, "Christmas Day"),
            Off(2026, 12, 28, "Boxing Day (substitute day)"),
        ]);

    /// <summary>Mon-Fri 09:00-17:00 in New York, with the 2026 US federal holidays as observed.</summary>
    public static BusinessCalendar UnitedStates() =>
        Preset("US", "United States (federal)", "America/New_York", Weekdays(9, 17),
        [
            Off(2026, 1, 1, "New Year's Day"),
            Off(2026, 1, 19, "Birthday of Martin Luther King, Jr."),
            Off(2026, 2, 16, "Washington's Birthday"),
            Off(2026, 5, 25, "Memorial Day"),
            Off(2026, 6, 19, "Juneteenth National Independence Day"),
            Off(2026, 7, 3, "Independence Day (observed)"),
            Off(2026, 9, 7, "Labor Day"),
            Off(2026, 10, 12, "Columbus Day"),
            Off(2026, 11, 11, "Veterans Day"),
            Off(2026, 11, 26, "Thanksgiving Day"),
            Off(2026, 12, 25, "Christmas Day"),
        ]);

    /// <summary>
    /// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). Every day off is listed, weekend ones too, so the
    /// table reads like the notice; only the weekdays among them and the weekend make-up days change anything.
    /// </summary>
    private static List<CalendarDay> China2026() =>
    [
        .. Off(2026, 1, 1, 3, "元旦"), Work(2026, 1, 4, "元旦"),
        .. Off(2026, 2, 15, 23, "春节"), Work(2026, 2, 14, "春节"), Work(2026, 2, 28, "春节"),
        .. Off(2026, 4, 4, 6, "清明节"),
        .. Off(2026, 5, 1, 5, "劳动节"), Work(2026, 5, 9, "劳动节"),
        .. Off(2026, 6, 19, 21, "端午节"),
        .. Off(2026, 9, 25, 27, "中秋节"),
        .. Off(2026, 10, 1, 7, "国庆节"), Work(2026, 9, 20, "国庆节"), Work(2026, 10, 10, "国庆节"),
    ];

    private static BusinessCalendar Preset(string code, string name, string timeZoneId, List<WorkingPeriod> hours, List<CalendarDay> days)
    {
        // A preset that does not validate is a bug in this file, or a machine without tzdata.
        var calendar = Create(code, name, timeZoneId, hours);
        if (!calendar.IsSuccess) throw new InvalidOperationException($"Preset calendar {code}: {calendar.Error!.Message}");
        var set = calendar.Value.SetDays(days);
        if (!set.IsSuccess) throw new InvalidOperationException($"Preset calendar {code}: {set.Error!.Message}");
        return calendar.Value;
    }

    private static List<WorkingPeriod> Weekdays(int fromHour, int toHour) =>
        [.. Enumerable.Range((int)DayOfWeek.Monday, 5).Select(d => new WorkingPeriod((DayOfWeek)d, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0)))];

    private static CalendarDay Off(int year, int month, int day, string name) => new(new DateOnly(year, month, day), CalendarDayKind.Holiday, name);

    private static IEnumerable<CalendarDay> Off(int year, int month, int firstDay, int lastDay, string name) =>
        Enumerable.Range(firstDay, lastDay - firstDay + 1).Select(d => Off(year, month, d, name));

    private static CalendarDay Work(int year, int month, int day, string holiday) =>
        new(new DateOnly(year, month, day), CalendarDayKind.Workday, $"{holiday}调休上班");
}
