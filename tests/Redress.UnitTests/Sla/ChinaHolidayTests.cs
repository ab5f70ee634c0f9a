using Redress.Domain.Sla;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>2026 in China: 国务院办公厅关于2026年部分节假日安排的通知, holidays and 调休 make-up working days.</summary>
public sealed class ChinaHolidayTests
{
    private readonly BusinessCalendar _china = BusinessCalendar.ChinaMainland();

    [Fact]
    public void ChinaMainland_ListsTheStateCouncilNotice()
    {
        DateOnly[] off =
        [
            D(1, 1), D(1, 2), D(1, 3),
            D(2, 15), D(2, 16), D(2, 17), D(2, 18), D(2, 19), D(2, 20), D(2, 21), D(2, 22), D(2, 23),
            D(4, 4), D(4, 5), D(4, 6),
            D(5, 1), D(5, 2), D(5, 3), D(5, 4), D(5, 5),
            D(6, 19), D(6, 20), D(6, 21),
            D(9, 25), D(9, 26), D(9, 27),
            D(10, 1), D(10, 2), D(10, 3), D(10, 4), D(10, 5), D(10, 6), D(10, 7),
        ];
        DateOnly[] madeUp = [D(1, 4), D(2, 14), D(2, 28), D(5, 9), D(9, 20), D(10, 10)];

        Assert.Equal(("CN", "Asia/Shanghai"), (_china.Code, _china.TimeZoneId));
        Assert.Equal(off, _china.Days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).Order());
        Assert.Equal(madeUp, _china.Days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).Order());
        Assert.All(madeUp, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal("春节", _china.Days.Single(d => d.Date == D(2, 16)).Name);
        Assert.All(off, d => Assert.False(_china.IsWorkingDay(d)));
        Assert.All(madeUp, d => Assert.True(_china.IsWorkingDay(d)));
    }

    [Fact]
    public void IsWorkingTime_OnAMakeUpSaturday_FollowsTheWeekdayHours()
    {
        Assert.True(_china.IsWorkingTime(Beijing(2026, 2, 14, 9, 0)));
        Assert.False(_china.IsWorkingTime(Beijing(2026, 2, 14, 12, 30)));
        Assert.True(_china.IsWorkingTime(Beijing(2026, 2, 14, 17, 59)));
        Assert.False(_china.IsWorkingTime(Beijing(2026, 2, 21, 10, 0)));
    }

    [Fact]
    public void AddWorkingTime_FromTheLastFridayBeforeSpringFestival_ContinuesOnTheMakeUpSaturday() =>
        Assert.Equal(Beijing(2026, 2, 14, 10, 0), _china.AddWorkingTime(Beijing(2026, 2, 13, 17, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void AddWorkingTime_AcrossSpringFestival_SkipsTheNineDaysOff() =>
        Assert.Equal(Beijing(2026, 2, 24, 10, 0), _china.AddWorkingTime(Beijing(2026, 2, 14, 17, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void WorkingTimeBetween_AcrossSpringFestival_CountsTheMakeUpSaturday()
    {
        // Fri 13, Sat 14 (调休), then nothing until Tue 24.
        Assert.Equal(TimeSpan.FromHours(24), _china.WorkingTimeBetween(Beijing(2026, 2, 13, 0, 0), Beijing(2026, 2, 25, 0, 0)));
    }

    [Theory]
    [InlineData(1, 10, 8)]
    [InlineData(2, 10, 9)]
    [InlineData(3, 10, 10)]
    [InlineData(4, 10, 12)]
    public void AddWorkingDays_FromTheEveOfNationalDay_SkipsTheWeekOff_AndCountsTheMakeUpSaturday(int days, int month, int day) =>
        // Wed 30 Sep; 1-7 Oct off; Thu 8, Fri 9 and the make-up Sat 10 worked; Sun 11 off; Mon 12.
        Assert.Equal(Beijing(2026, month, day, 18, 0), _china.AddWorkingDays(Beijing(2026, 9, 30, 10, 0), days));

    [Fact]
    public void AddWorkingDays_Zero_OnTheMakeUpSunday_IsThatEvening() =>
        Assert.Equal(Beijing(2026, 9, 20, 18, 0), _china.AddWorkingDays(Beijing(2026, 9, 20, 10, 0), 0));

    [Fact]
    public void AddWorkingDays_FromTheWeekBeforeNationalDay_CountsTheMakeUpSunday() =>
        // Fri 18 Sep: Sat 19 off, Sun 20 worked, Mon 21.
        Assert.Equal(Beijing(2026, 9, 21, 18, 0), _china.AddWorkingDays(Beijing(2026, 9, 18, 10, 0), 2));

    [Theory]
    [InlineData(2025, 12, 31, 1, 1, 4)]   // 元旦: Thu 1 to Sat 3 off, Sun 4 worked.
    [InlineData(2026, 4, 3, 1, 4, 7)]     // 清明节: Sat 4 to Mon 6 off.
    [InlineData(2026, 4, 30, 1, 5, 6)]    // 劳动节: Fri 1 to Tue 5 off.
    [InlineData(2026, 4, 30, 4, 5, 9)]    // ... Wed 6, Thu 7, Fri 8 and the make-up Sat 9.
    [InlineData(2026, 6, 18, 1, 6, 22)]   // 端午节: Fri 19 to Sun 21 off.
    [InlineData(2026, 9, 24, 1, 9, 28)]   // 中秋节: Fri 25 to Sun 27 off.
    [InlineData(2026, 2, 13, 2, 2, 24)]   // 春节: Sat 14 worked, Sun 15 to Mon 23 off.
    [InlineData(2026, 2, 27, 1, 2, 28)]   // ... and Sat 28 worked.
    public void AddWorkingDays_AroundEachHoliday_FollowsTheNotice(int year, int month, int day, int days, int dueMonth, int dueDay) =>
        Assert.Equal(Beijing(2026, dueMonth, dueDay, 18, 0), _china.AddWorkingDays(Beijing(year, month, day, 10, 0), days));

    private static DateOnly D(int month, int day) => new(2026, month, day);
}
