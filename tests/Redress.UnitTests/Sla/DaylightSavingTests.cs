using Redress.Domain.Sla;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>
/// Working periods sit on the wall clock, so on the days the clocks change they are shorter or longer in real
/// time. 2026: London springs forward on Sun 29 Mar (01:00 GMT → 02:00 BST) and falls back on Sun 25 Oct
/// (02:00 BST → 01:00 GMT); New York on Sun 8 Mar (02:00 EST → 03:00 EDT) and Sun 1 Nov (02:00 EDT → 01:00 EST).
/// The changes happen at night on Sundays, so most tests use a Sunday night shift.
/// </summary>
public sealed class DaylightSavingTests
{
    private const string London = "Europe/London";
    private const string NewYork = "America/New_York";

    [Fact]
    public void London_OnTheSpringForwardSunday_TheNightShiftIsAnHourShorter()
    {
        var calendar = Calendars.Make(London, [Calendars.Sunday(0, 0, 4, 0)]);

        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingTimeBetween(Utc(2026, 3, 21, 12), Utc(2026, 3, 23, 0)));
        Assert.Equal(TimeSpan.FromHours(3), calendar.WorkingTimeBetween(Utc(2026, 3, 28, 12), Utc(2026, 3, 30, 0)));
        // 04:00 BST.
        Assert.Equal(Utc(2026, 3, 29, 3), calendar.AddWorkingTime(Utc(2026, 3, 28, 12), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void London_OnTheFallBackSunday_TheNightShiftIsAnHourLonger()
    {
        var calendar = Calendars.Make(London, [Calendars.Sunday(0, 0, 4, 0)]);

        // 00:00 BST is 23:00 UTC on Saturday; 04:00 GMT is 04:00 UTC.
        Assert.Equal(TimeSpan.FromHours(5), calendar.WorkingTimeBetween(Utc(2026, 10, 24, 12), Utc(2026, 10, 26, 0)));
        Assert.True(calendar.IsWorkingTime(Utc(2026, 10, 24, 23)));
        Assert.False(calendar.IsWorkingTime(Utc(2026, 10, 24, 22, 59)));
        Assert.Equal(Utc(2026, 10, 25, 4), calendar.AddWorkingTime(Utc(2026, 10, 24, 12), TimeSpan.FromHours(5)));
    }

    [Fact]
    public void London_APeriodStartingInTheSkippedHour_StartsAtTheJump()
    {
        var calendar = Calendars.Make(London, [Calendars.Sunday(1, 30, 3, 0)]);

        // 01:30 never shows on 29 March: the clocks go from 00:59 GMT to 02:00 BST, at 01:00 UTC.
        Assert.False(calendar.IsWorkingTime(Utc(2026, 3, 29, 0, 59)));
        Assert.True(calendar.IsWorkingTime(Utc(2026, 3, 29, 1, 0)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(Utc(2026, 3, 28, 12), Utc(2026, 3, 30, 0)));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), calendar.AddWorkingTime(Utc(2026, 3, 28, 12), TimeSpan.FromMinutes(30)));
        // A week earlier, the same period is an hour and a half of GMT.
        Assert.Equal(Utc(2026, 3, 22, 2, 0), calendar.AddWorkingTime(Utc(2026, 3, 21, 12), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void London_APeriodEndingInTheSkippedHour_EndsAtTheJump()
    {
        var calendar = Calendars.Make(London, [Calendars.Sunday(0, 30, 1, 30)]);

        Assert.Equal(TimeSpan.FromMinutes(30), calendar.WorkingTimeBetween(Utc(2026, 3, 28, 12), Utc(2026, 3, 30, 0)));
        Assert.Equal(Utc(2026, 3, 29, 1, 0), calendar.AddWorkingTime(Utc(2026, 3, 28, 12), TimeSpan.FromMinutes(30)));
        Assert.Equal(Utc(2026, 3, 29, 1, 0), calendar.AddWorkingDays(Utc(2026, 3, 28, 12), 1));
    }

    [Fact]
    public void London_APeriodInsideTheSkippedHour_IsEmptyThatDay()
    {
        var calendar = Calendars.Make(London, [Calendars.Sunday(1, 0, 2, 0), Calendars.Sunday(9, 0, 10, 0)]);

        Assert.False(calendar.IsWorkingTime(Utc(2026, 3, 29, 1, 0)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(Utc(2026, 3, 28, 12), Utc(2026, 3, 30, 0)));
        // 09:30 BST.
        Assert.Equal(Utc(2026, 3, 29, 8, 30), calendar.AddWorkingTime(Utc(2026, 3, 28, 12), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void NewYork_TheNightShift_IsFiveHoursInSpring_AndSevenInAutumn()
    {
        var calendar = Calendars.Make(NewYork, [Calendars.Sunday(0, 0, 6, 0)]);

        // 00:00 EST (05:00 UTC) to 06:00 EDT (10:00 UTC); 00:00 EDT (04:00 UTC) to 06:00 EST (11:00 UTC).
        Assert.Equal(TimeSpan.FromHours(5), calendar.WorkingTimeBetween(Utc(2026, 3, 7, 12), Utc(2026, 3, 9, 0)));
        Assert.Equal(Utc(2026, 3, 8, 10), calendar.AddWorkingTime(Utc(2026, 3, 7, 12), TimeSpan.FromHours(5)));
        Assert.Equal(TimeSpan.FromHours(7), calendar.WorkingTimeBetween(Utc(2026, 10, 31, 12), Utc(2026, 11, 2, 0)));
        Assert.Equal(Utc(2026, 11, 1, 11), calendar.AddWorkingTime(Utc(2026, 10, 31, 12), TimeSpan.FromHours(7)));
    }

    [Fact]
    public void NewYork_AWallClockTimeShownTwice_MeansTheFirstTime()
    {
        var halfHour = Calendars.Make(NewYork, [Calendars.Sunday(1, 0, 1, 30)]);
        var wholeHour = Calendars.Make(NewYork, [Calendars.Sunday(1, 0, 2, 0)]);

        // 01:15 EDT is 05:15 UTC; 01:15 EST, an hour later, is past the half hour that was worked.
        Assert.True(halfHour.IsWorkingTime(Utc(2026, 11, 1, 5, 15)));
        Assert.False(halfHour.IsWorkingTime(Utc(2026, 11, 1, 6, 15)));
        Assert.Equal(TimeSpan.FromMinutes(30), halfHour.WorkingTimeBetween(Utc(2026, 10, 31, 12), Utc(2026, 11, 2, 0)));
        // From the first 01:00 (EDT) to 02:00 (EST): both passes through the repeated hour.
        Assert.Equal(TimeSpan.FromHours(2), wholeHour.WorkingTimeBetween(Utc(2026, 10, 31, 12), Utc(2026, 11, 2, 0)));
        Assert.True(wholeHour.IsWorkingTime(Utc(2026, 11, 1, 6, 15)));
    }

    [Fact]
    public void UnitedKingdom_BusinessHoursFollowTheWallClock_AcrossTheChange()
    {
        var uk = BusinessCalendar.UnitedKingdom();

        // Fri 27 Mar 16:00 GMT + 2 h: one hour on Friday, then Monday from 09:00 BST (08:00 UTC).
        Assert.Equal(Utc(2026, 3, 30, 9), uk.AddWorkingTime(Utc(2026, 3, 27, 16), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(16), uk.WorkingTimeBetween(Utc(2026, 3, 27, 9), Utc(2026, 3, 30, 16)));
        Assert.Equal(Utc(2026, 3, 30, 16), uk.AddWorkingDays(Utc(2026, 3, 27, 10), 1));
        Assert.False(uk.IsWorkingTime(Utc(2026, 3, 30, 16)));
    }

    [Fact]
    public void UnitedStates_BusinessHoursFollowTheWallClock_InSpringAndAutumn()
    {
        var us = BusinessCalendar.UnitedStates();

        // Fri 6 Mar 16:00 EST (21:00 UTC) + 2 h → Mon 9 Mar 10:00 EDT (14:00 UTC).
        Assert.Equal(Utc(2026, 3, 9, 14), us.AddWorkingTime(Utc(2026, 3, 6, 21), TimeSpan.FromHours(2)));
        // Fri 30 Oct 16:00 EDT (20:00 UTC) + 2 h → Mon 2 Nov 10:00 EST (15:00 UTC).
        Assert.Equal(Utc(2026, 11, 2, 15), us.AddWorkingTime(Utc(2026, 10, 30, 20), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Due_OnTheCalendarBasis_AcrossTheChange_IsExactly24RealHours()
    {
        var uk = BusinessCalendar.UnitedKingdom();
        var us = BusinessCalendar.UnitedStates();

        var londonDue = uk.Due(Utc(2026, 3, 28, 12), TimeSpan.FromHours(24), TimeBasis.Calendar);
        var newYorkDue = us.Due(Utc(2026, 10, 31, 16), TimeSpan.FromHours(24), TimeBasis.Calendar);

        Assert.Equal(Utc(2026, 3, 29, 12), londonDue);
        Assert.Equal(Utc(2026, 11, 1, 16), newYorkDue);
        // The wall clocks moved 25 and 23 hours: 12:00 GMT to 13:00 BST, 12:00 EDT to 11:00 EST.
        Assert.Equal(13, TimeZoneInfo.ConvertTimeFromUtc(londonDue, TimeZoneInfo.FindSystemTimeZoneById(London)).Hour);
        Assert.Equal(11, TimeZoneInfo.ConvertTimeFromUtc(newYorkDue, TimeZoneInfo.FindSystemTimeZoneById(NewYork)).Hour);
    }
}
