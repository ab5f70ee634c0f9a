using Redress.Domain.Sla;

namespace Redress.UnitTests.Sla;

/// <summary>
/// Laws the arithmetic must keep for any start and duration, checked over many random ones (fixed seed)
/// across 2026, on the presets and on shifts that cross the daylight-saving gaps and repeats.
/// </summary>
public sealed class WorkingTimePropertyTests
{
    public static readonly TheoryData<string> CalendarNames = ["CN", "UK", "US", "London nights", "New York nights"];

    [Theory]
    [MemberData(nameof(CalendarNames))]
    public void WorkingTimeBetween_UndoesAddWorkingTime(string name)
    {
        var calendar = Named(name);
        var random = new Random(20260214);
        for (var i = 0; i < 2000; i++)
        {
            var start = RandomInstant(random);
            var duration = RandomDuration(random);

            var due = calendar.AddWorkingTime(start, duration);

            Assert.True(due >= start, $"{start:o} + {duration} went back to {due:o}");
            Assert.True(duration == TimeSpan.Zero || calendar.WorkingTimeBetween(start, due.AddTicks(-1)) < duration);
            Assert.Equal(duration, calendar.WorkingTimeBetween(start, due));
        }
    }

    [Theory]
    [MemberData(nameof(CalendarNames))]
    public void WorkingTimeBetween_AddsUpOverConsecutiveRanges(string name)
    {
        var calendar = Named(name);
        var random = new Random(20261001);
        for (var i = 0; i < 1000; i++)
        {
            DateTime[] t = [RandomInstant(random), RandomInstant(random), RandomInstant(random)];
            Array.Sort(t);

            Assert.Equal(calendar.WorkingTimeBetween(t[0], t[2]), calendar.WorkingTimeBetween(t[0], t[1]) + calendar.WorkingTimeBetween(t[1], t[2]));
        }
    }

    [Theory]
    [MemberData(nameof(CalendarNames))]
    public void AddWorkingDays_IsTheEndOfAPeriod_AndLaterForMoreDays(string name)
    {
        var calendar = Named(name);
        var random = new Random(20260501);
        for (var i = 0; i < 500; i++)
        {
            var start = RandomInstant(random);
            var days = random.Next(1, 15);

            var due = calendar.AddWorkingDays(start, days);

            Assert.True(due > start);
            Assert.True(calendar.IsWorkingTime(due.AddTicks(-1)), $"{start:o} + {days} days → {due:o}, not the end of a period");
            Assert.True(calendar.AddWorkingDays(start, days + 1) > due);
        }
    }

    private static BusinessCalendar Named(string name) => name switch
    {
        "CN" => BusinessCalendar.ChinaMainland(),
        "UK" => BusinessCalendar.UnitedKingdom(),
        "US" => BusinessCalendar.UnitedStates(),
        // Periods that start, end and sit inside the skipped hour, next to the weekday hours.
        "London nights" => Calendars.Make("Europe/London",
            [Calendars.Sunday(0, 30, 1, 30), Calendars.Sunday(1, 45, 3, 0), Calendars.Sunday(3, 0, 4, 0), .. Calendars.Weekdays(new(9, 0), new(17, 0))]),
        // Periods in and around the repeated hour, one from inside the skipped hour, and one that runs to midnight.
        "New York nights" => Calendars.Make("America/New_York",
            [Calendars.Sunday(0, 0, 1, 15), Calendars.Sunday(1, 15, 1, 45), Calendars.Sunday(2, 15, 3, 30),
             new(DayOfWeek.Saturday, new(20, 0), TimeOnly.MaxValue), .. Calendars.Weekdays(new(9, 0), new(17, 0))]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly DateTime From = new(2025, 12, 20, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Any tick of 2026, but often on a whole quarter hour, where period boundaries are.</summary>
    private static DateTime RandomInstant(Random random)
    {
        var instant = From.AddTicks(random.NextInt64(TimeSpan.FromDays(380).Ticks));
        return random.Next(2) == 0 ? instant : new DateTime(instant.Ticks - instant.Ticks % TimeSpan.FromMinutes(15).Ticks, DateTimeKind.Utc);
    }

    private static TimeSpan RandomDuration(Random random) => random.Next(4) switch
    {
        0 => TimeSpan.FromMinutes(15 * random.Next(0, 400)),
        1 => TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromHours(200).Ticks)),
        2 => TimeSpan.FromHours(random.Next(1, 9)),
        _ => TimeSpan.FromMinutes(random.Next(1, 600)),
    };
}
