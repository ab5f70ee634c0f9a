using Redress.Domain.Analytics;

namespace Redress.UnitTests.Analytics;

/// <summary>The organisation's days as UTC ranges: the overview's "today" and its daily volume.</summary>
public sealed class LocalDaysTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void EndingToday_InShanghai_IsConsecutiveDaysFromLocalMidnight_TodayLast()
    {
        // 2026-11-23 01:30 in Shanghai is still the 22nd in UTC.
        var now = new DateTime(2026, 11, 22, 17, 30, 0, DateTimeKind.Utc);

        var days = LocalDays.EndingToday(30, now, Shanghai);

        Assert.Equal(30, days.Count);
        Assert.Equal(new LocalDay(new DateOnly(2026, 11, 23), Utc(2026, 11, 22, 16), Utc(2026, 11, 23, 16)), days[^1]);
        Assert.Equal(new DateOnly(2026, 10, 25), days[0].Date);
        Assert.All(days.Zip(days.Skip(1)), d => Assert.Equal(d.First.ToUtc, d.Second.FromUtc));
        Assert.All(days, d => Assert.Equal(TimeSpan.FromHours(24), d.ToUtc - d.FromUtc));
    }

    [Fact]
    public void EndingToday_OnTheLastInstantOfADay_IsStillThatDay()
    {
        var days = LocalDays.EndingToday(1, Utc(2026, 11, 23, 16).AddTicks(-1), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 23), days[0].Date);
    }

    [Fact]
    public void ADay_WhenTheClocksSpringForward_Is23Hours()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var day = LocalDays.EndingToday(1, Utc(2026, 3, 29, 12), berlin)[0];

        Assert.Equal(Utc(2026, 3, 28, 23), day.FromUtc);
        Assert.Equal(TimeSpan.FromHours(23), day.ToUtc - day.FromUtc);
    }

    [Fact]
    public void ADay_WhoseMidnightIsSkipped_StartsAtTheFirstMinuteThatExists()
    {
        // Brazil moved its clocks from 00:00 to 01:00 on 2018-11-04.
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        Assert.Equal(Utc(2018, 11, 4, 3), LocalDays.StartUtc(new DateOnly(2018, 11, 4), saoPaulo));
    }

    [Fact]
    public void ADay_WhoseMidnightHappensTwice_StartsAtTheFirst()
    {
        // Cuba moved its clocks from 01:00 back to 00:00 on 2022-11-06: midnight came at 04:00 and 05:00 UTC.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        Assert.Equal(Utc(2022, 11, 6, 4), LocalDays.StartUtc(new DateOnly(2022, 11, 6), havana));
    }

    private static DateTime Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);
}
