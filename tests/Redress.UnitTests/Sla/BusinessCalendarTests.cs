using Redress.Domain.Sla;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>
/// R-SLA-2: business time on the China calendar (09:00-12:00, 13:00-18:00) in an ordinary March week:
/// Mon 2 to Fri 6, Mon 9 March 2026, no holidays.
/// </summary>
public sealed class BusinessCalendarTests
{
    private readonly BusinessCalendar _china = BusinessCalendar.ChinaMainland();

    [Fact]
    public void AddWorkingTime_WithinADay_AddsTheDuration() =>
        Assert.Equal(Beijing(2026, 3, 3, 11, 30), _china.AddWorkingTime(Beijing(2026, 3, 3, 9, 30), TimeSpan.FromHours(2)));

    [Fact]
    public void AddWorkingTime_AcrossLunch_SkipsTheBreak() =>
        Assert.Equal(Beijing(2026, 3, 3, 14, 0), _china.AddWorkingTime(Beijing(2026, 3, 3, 11, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void AddWorkingTime_AcrossTheNight_ContinuesNextMorning() =>
        Assert.Equal(Beijing(2026, 3, 4, 10, 0), _china.AddWorkingTime(Beijing(2026, 3, 3, 17, 0), TimeSpan.FromHours(2)));

    [Fact]
    public void AddWorkingTime_FromFridayEvening_ContinuesOnMonday() =>
        Assert.Equal(Beijing(2026, 3, 9, 10, 30), Calendars.NineToSix().AddWorkingTime(Beijing(2026, 3, 6, 17, 30), TimeSpan.FromHours(2)));

    [Fact]
    public void AddWorkingTime_FromTheWeekend_StartsWhenWorkStartsOnMonday() =>
        Assert.Equal(Beijing(2026, 3, 9, 10, 0), _china.AddWorkingTime(Beijing(2026, 3, 7, 12, 0), TimeSpan.FromHours(1)));

    [Fact]
    public void AddWorkingTime_FromLunchOrBeforeWork_StartsWhenTheNextPeriodOpens()
    {
        Assert.Equal(Beijing(2026, 3, 3, 14, 0), _china.AddWorkingTime(Beijing(2026, 3, 3, 12, 30), TimeSpan.FromHours(1)));
        Assert.Equal(Beijing(2026, 3, 3, 10, 0), _china.AddWorkingTime(Beijing(2026, 3, 3, 7, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddWorkingTime_RunningOutWithAPeriod_IsDueAtItsEnd_NotWhenTheNextOpens()
    {
        Assert.Equal(Beijing(2026, 3, 3, 18, 0), _china.AddWorkingTime(Beijing(2026, 3, 3, 17, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Beijing(2026, 3, 3, 12, 0), _china.AddWorkingTime(Beijing(2026, 3, 3, 11, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddWorkingTime_OverAWeek_CountsFiveEightHourDays()
    {
        Assert.Equal(Beijing(2026, 3, 6, 18, 0), _china.AddWorkingTime(Beijing(2026, 3, 2, 9, 0), TimeSpan.FromHours(40)));
        Assert.Equal(Beijing(2026, 3, 9, 10, 0), _china.AddWorkingTime(Beijing(2026, 3, 2, 9, 0), TimeSpan.FromHours(41)));
    }

    [Fact]
    public void AddWorkingTime_OfNothing_IsTheStart_EvenAtNight()
    {
        var saturdayNight = Beijing(2026, 3, 7, 23, 0);
        Assert.Equal(saturdayNight, _china.AddWorkingTime(saturdayNight, TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingTime_OfANegativeDuration_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _china.AddWorkingTime(Beijing(2026, 3, 3, 9, 0), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void Arithmetic_ReadsUnspecifiedAsUtc_AndAnswersInUtc()
    {
        var unspecified = DateTime.SpecifyKind(Beijing(2026, 3, 3, 9, 30), DateTimeKind.Unspecified);

        var due = _china.AddWorkingTime(unspecified, TimeSpan.FromHours(2));

        Assert.Equal(Beijing(2026, 3, 3, 11, 30), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
        Assert.Equal(DateTimeKind.Utc, _china.AddWorkingDays(unspecified, 1).Kind);
    }

    [Fact]
    public void Arithmetic_OnALocalDateTime_IsABug() =>
        Assert.Throws<ArgumentException>(() => _china.AddWorkingTime(new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Local), TimeSpan.FromHours(1)));

    [Fact]
    public void IsWorkingTime_IncludesThePeriodStarts_AndExcludesTheirEnds()
    {
        Assert.True(_china.IsWorkingTime(Beijing(2026, 3, 3, 9, 0)));
        Assert.False(_china.IsWorkingTime(Beijing(2026, 3, 3, 9, 0).AddTicks(-1)));
        Assert.True(_china.IsWorkingTime(Beijing(2026, 3, 3, 12, 0).AddTicks(-1)));
        Assert.False(_china.IsWorkingTime(Beijing(2026, 3, 3, 12, 0)));
        Assert.True(_china.IsWorkingTime(Beijing(2026, 3, 3, 13, 0)));
        Assert.False(_china.IsWorkingTime(Beijing(2026, 3, 3, 18, 0)));
        Assert.False(_china.IsWorkingTime(Beijing(2026, 3, 7, 10, 0)));
    }

    [Fact]
    public void WorkingTimeBetween_CountsOnlyThePeriods()
    {
        Assert.Equal(TimeSpan.FromHours(8), _china.WorkingTimeBetween(Beijing(2026, 3, 3, 8, 0), Beijing(2026, 3, 3, 20, 0)));
        Assert.Equal(TimeSpan.FromHours(2.5), _china.WorkingTimeBetween(Beijing(2026, 3, 3, 10, 30), Beijing(2026, 3, 3, 14, 0)));
        Assert.Equal(TimeSpan.FromHours(2), _china.WorkingTimeBetween(Beijing(2026, 3, 6, 17, 0), Beijing(2026, 3, 9, 10, 0)));
        Assert.Equal(TimeSpan.FromHours(40), _china.WorkingTimeBetween(Beijing(2026, 3, 1, 0, 0), Beijing(2026, 3, 8, 0, 0)));
    }

    [Fact]
    public void WorkingTimeBetween_BackwardsOrEmpty_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, _china.WorkingTimeBetween(Beijing(2026, 3, 3, 11, 0), Beijing(2026, 3, 3, 10, 0)));
        Assert.Equal(TimeSpan.Zero, _china.WorkingTimeBetween(Beijing(2026, 3, 3, 11, 0), Beijing(2026, 3, 3, 11, 0)));
    }

    [Fact]
    public void AddWorkingDays_DoesNotCountTheDayOfReceipt_EvenBeforeWorkStarts()
    {
        Assert.Equal(Beijing(2026, 3, 4, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 3, 8, 0), 1));
        Assert.Equal(Beijing(2026, 3, 9, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 6, 10, 0), 1));
        Assert.Equal(Beijing(2026, 3, 13, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 6, 10, 0), 5));
    }

    [Fact]
    public void AddWorkingDays_FromTheWeekend_CountsFromMonday() =>
        Assert.Equal(Beijing(2026, 3, 9, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 7, 10, 0), 1));

    [Fact]
    public void AddWorkingDays_Zero_DuringAWorkingDay_IsTheEndOfToday()
    {
        Assert.Equal(Beijing(2026, 3, 3, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 3, 7, 0), 0));
        Assert.Equal(Beijing(2026, 3, 3, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 3, 17, 59), 0));
    }

    [Fact]
    public void AddWorkingDays_Zero_AfterHoursOrOnADayOff_IsTheEndOfTheNextWorkingDay()
    {
        Assert.Equal(Beijing(2026, 3, 4, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 3, 18, 0), 0));
        Assert.Equal(Beijing(2026, 3, 4, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 3, 22, 0), 0));
        Assert.Equal(Beijing(2026, 3, 9, 18, 0), _china.AddWorkingDays(Beijing(2026, 3, 7, 10, 0), 0));
    }

    [Fact]
    public void AddWorkingDays_Negative_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _china.AddWorkingDays(Beijing(2026, 3, 3, 9, 0), -1));

    [Fact]
    public void Arithmetic_WhenUtcIsAlreadyTomorrowInBeijing_UsesTheBeijingDate()
    {
        // Thursday 5 March 17:00 UTC is Friday 6 March 01:00 in Beijing.
        var friday1am = Utc(2026, 3, 5, 17, 0);

        Assert.Equal(Utc(2026, 3, 6, 2, 0), _china.AddWorkingTime(friday1am, TimeSpan.FromHours(1)));
        Assert.Equal(Utc(2026, 3, 9, 10, 0), _china.AddWorkingDays(friday1am, 1));
        Assert.Equal(Utc(2026, 3, 6, 10, 0), _china.AddWorkingDays(friday1am, 0));
        Assert.False(_china.IsWorkingTime(friday1am));
    }

    [Fact]
    public void Arithmetic_WhenUtcIsStillYesterday_UsesTheBeijingDate()
    {
        // Sunday 8 March 23:30 UTC is Monday 9 March 07:30 in Beijing: the day of receipt is the Monday.
        var monday0730 = Utc(2026, 3, 8, 23, 30);

        Assert.Equal(Beijing(2026, 3, 10, 18, 0), _china.AddWorkingDays(monday0730, 1));
        Assert.Equal(Beijing(2026, 3, 9, 10, 0), _china.AddWorkingTime(monday0730, TimeSpan.FromHours(1)));
    }
}
