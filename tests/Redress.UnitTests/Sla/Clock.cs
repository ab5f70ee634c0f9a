using Redress.Domain.Sla;

namespace Redress.UnitTests.Sla;

/// <summary>
/// Instants written as a wall clock shows them. The offsets are worked out by hand in each test, so an
/// expectation does not lean on the time-zone conversion under test.
/// </summary>
public static class Clock
{
    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Beijing time is UTC+8 all year.</summary>
    public static DateTime Beijing(int year, int month, int day, int hour, int minute = 0) => Utc(year, month, day, hour, minute).AddHours(-8);
}

/// <summary>Calendars for the rules the presets do not exercise.</summary>
public static class Calendars
{
    /// <summary>Mon-Fri 09:00-18:00 in Beijing, no lunch break, no dated days.</summary>
    public static BusinessCalendar NineToSix() =>
        Make("Asia/Shanghai", [.. Weekdays(new(9, 0), new(18, 0))]);

    public static BusinessCalendar Make(string timeZoneId, IEnumerable<WorkingPeriod> hours) =>
        BusinessCalendar.Create("TEST", "Test calendar", timeZoneId, hours).Value;

    public static IEnumerable<WorkingPeriod> Weekdays(TimeOnly start, TimeOnly end) =>
        Enumerable.Range(1, 5).Select(d => new WorkingPeriod((DayOfWeek)d, start, end));

    public static WorkingPeriod Sunday(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(DayOfWeek.Sunday, new TimeOnly(fromHour, fromMinute), new TimeOnly(toHour, toMinute));
}
