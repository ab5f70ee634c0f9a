using Redress.Domain;
using Redress.Domain.Sla;
using Redress.UnitTests.Builders;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>What administrators may save as a calendar, and that the arithmetic follows their edits.</summary>
public sealed class CalendarEditTests
{
    private static readonly TimeOnly Nine = new(9, 0), Twelve = new(12, 0), One = new(13, 0), Six = new(18, 0);

    [Fact]
    public void Create_KeepsTrimmedFields_AndOwnCopiesOfThePeriodsInWeekOrder()
    {
        var friday = new WorkingPeriod(DayOfWeek.Friday, Nine, Six);
        var monday = new WorkingPeriod(DayOfWeek.Monday, Nine, Six);

        var calendar = BusinessCalendar.Create(" HK ", " 香港 ", "Asia/Hong_Kong", [friday, monday]).Value;

        Assert.Equal(("HK", "香港", "Asia/Hong_Kong"), (calendar.Code, calendar.Name, calendar.TimeZoneId));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], calendar.Hours.Select(p => p.Day));
        Assert.DoesNotContain(friday, calendar.Hours);
        Assert.Empty(calendar.Days);
    }

    [Fact]
    public void Create_WithoutHours_IsInvalid()
    {
        var error = Outcome.AssertFailed(BusinessCalendar.Create("X", "X", "Asia/Shanghai", []), ErrorKind.Validation, "calendar_no_hours");
        Assert.Equal("hours", error.Field);
    }

    [Theory]
    [InlineData(18, 9)]
    [InlineData(9, 9)]
    public void Create_WithAPeriodThatDoesNotEndAfterItStarts_IsInvalid(int startHour, int endHour) =>
        Outcome.AssertFailed(
            BusinessCalendar.Create("X", "X", "Asia/Shanghai", [new WorkingPeriod(DayOfWeek.Monday, new TimeOnly(startHour, 0), new TimeOnly(endHour, 0))]),
            ErrorKind.Validation, "period_end_before_start");

    [Fact]
    public void Create_WithOverlappingPeriodsOnADay_IsInvalid() =>
        Outcome.AssertFailed(
            BusinessCalendar.Create("X", "X", "Asia/Shanghai", [new(DayOfWeek.Monday, Nine, One), new(DayOfWeek.Monday, Twelve, Six)]),
            ErrorKind.Validation, "periods_overlap");

    [Fact]
    public void Create_WithPeriodsThatTouch_OrOverlapOnlyAcrossDays_IsValid() =>
        Assert.True(BusinessCalendar.Create("X", "X", "Asia/Shanghai",
            [new(DayOfWeek.Monday, Nine, Twelve), new(DayOfWeek.Monday, Twelve, Six), new(DayOfWeek.Tuesday, Nine, One)]).IsSuccess);

    [Fact]
    public void Create_WithADayOfWeekThatDoesNotExist_IsInvalid() =>
        Outcome.AssertFailed(BusinessCalendar.Create("X", "X", "Asia/Shanghai", [new((DayOfWeek)7, Nine, Six)]), ErrorKind.Validation, "unknown_day_of_week");

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("China Standard Time")]
    public void Create_WithoutAnIanaTimeZone_IsInvalid(string zone)
    {
        var error = Outcome.AssertFailed(BusinessCalendar.Create("X", "X", zone, Calendars.Weekdays(Nine, Six)), ErrorKind.Validation, "unknown_time_zone");
        Assert.Equal("timeZoneId", error.Field);
    }

    [Theory]
    [InlineData("", "Name", "code_required")]
    [InlineData("CODE", "  ", "name_required")]
    public void Create_WithoutCodeOrName_IsInvalid(string code, string name, string expected) =>
        Outcome.AssertFailed(BusinessCalendar.Create(code, name, "Asia/Shanghai", Calendars.Weekdays(Nine, Six)), ErrorKind.Validation, expected);

    [Fact]
    public void SetHours_Invalid_LeavesTheHoursAsTheyWere()
    {
        var calendar = Calendars.NineToSix();

        Outcome.AssertFailed(calendar.SetHours([new(DayOfWeek.Monday, Six, Nine)]), ErrorKind.Validation, "period_end_before_start");
        Outcome.AssertFailed(calendar.SetHours([]), ErrorKind.Validation, "calendar_no_hours");

        Assert.Equal(5, calendar.Hours.Count);
        Assert.True(calendar.IsWorkingTime(Beijing(2026, 3, 2, 10, 0)));
    }

    [Fact]
    public void SetHours_ChangesWhatTheArithmeticCounts()
    {
        var calendar = Calendars.NineToSix();
        Assert.Equal(Beijing(2026, 3, 2, 13, 0), calendar.AddWorkingTime(Beijing(2026, 3, 2, 9, 0), TimeSpan.FromHours(4)));

        Outcome.AssertSucceeded(calendar.SetHours([.. Calendars.Weekdays(Nine, Twelve), .. Calendars.Weekdays(One, Six)]));

        Assert.Equal(Beijing(2026, 3, 2, 14, 0), calendar.AddWorkingTime(Beijing(2026, 3, 2, 9, 0), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void SetDay_Holiday_TakesAWeekdayOff_AndRemoveDayGivesItBack()
    {
        var calendar = Calendars.NineToSix();
        var tuesday = new DateOnly(2026, 3, 3);

        Outcome.AssertSucceeded(calendar.SetDay(tuesday, CalendarDayKind.Holiday, "公司周年"));
        Assert.False(calendar.IsWorkingDay(tuesday));
        Assert.Equal(Beijing(2026, 3, 4, 10, 0), calendar.AddWorkingTime(Beijing(2026, 3, 2, 17, 0), TimeSpan.FromHours(2)));

        calendar.RemoveDay(tuesday);
        Assert.True(calendar.IsWorkingDay(tuesday));
        Assert.Empty(calendar.Days);
    }

    [Fact]
    public void SetDay_OnADateAlreadyListed_ReplacesIt()
    {
        var calendar = Calendars.NineToSix();
        var saturday = new DateOnly(2026, 3, 7);
        calendar.SetDay(saturday, CalendarDayKind.Holiday, "Mistake");

        Outcome.AssertSucceeded(calendar.SetDay(saturday, CalendarDayKind.Workday, " 调休上班 "));

        var day = Assert.Single(calendar.Days);
        Assert.Equal((CalendarDayKind.Workday, "调休上班"), (day.Kind, day.Name));
        Assert.True(calendar.IsWorkingDay(saturday));
    }

    [Fact]
    public void SetDay_WithoutAName_IsInvalid()
    {
        var calendar = Calendars.NineToSix();

        Outcome.AssertFailed(calendar.SetDay(new DateOnly(2026, 3, 3), CalendarDayKind.Holiday, " "), ErrorKind.Validation, "day_name_required");
        Outcome.AssertFailed(calendar.SetDay(new DateOnly(2026, 3, 3), (CalendarDayKind)9, "X"), ErrorKind.Validation, "unknown_day_kind");
        Assert.Empty(calendar.Days);
    }

    [Fact]
    public void SetDays_ListingADateTwice_IsInvalid_AndSavesNone()
    {
        var calendar = Calendars.NineToSix();
        var date = new DateOnly(2026, 3, 3);

        var error = Outcome.AssertFailed(calendar.SetDays(
            [new(new DateOnly(2026, 3, 2), CalendarDayKind.Holiday, "A"), new(date, CalendarDayKind.Holiday, "B"), new(date, CalendarDayKind.Workday, "C")]),
            ErrorKind.Validation, "duplicate_day");

        Assert.Contains("2026-03-03", error.Message, StringComparison.Ordinal);
        Assert.Empty(calendar.Days);
    }

    [Fact]
    public void SetDays_AddsAndReplaces_AndKeepsTheDaysItDoesNotMention()
    {
        var calendar = Calendars.NineToSix();
        calendar.SetDay(new DateOnly(2025, 10, 1), CalendarDayKind.Holiday, "国庆节");
        calendar.SetDay(new DateOnly(2026, 1, 1), CalendarDayKind.Holiday, "Draft");

        Outcome.AssertSucceeded(calendar.SetDays([new(new DateOnly(2026, 1, 1), CalendarDayKind.Holiday, "元旦"), new(new DateOnly(2026, 1, 4), CalendarDayKind.Workday, "元旦调休上班")]));

        Assert.Equal(["国庆节", "元旦", "元旦调休上班"], calendar.Days.OrderBy(d => d.Date).Select(d => d.Name));
    }

    [Fact]
    public void AMakeUpWeekendDay_WorksMondaysHours()
    {
        var calendar = Calendars.Make("Asia/Shanghai", [new(DayOfWeek.Monday, new TimeOnly(8, 0), Twelve), .. Calendars.Weekdays(Nine, Six).Skip(1)]);
        calendar.SetDay(new DateOnly(2026, 3, 7), CalendarDayKind.Workday, "调休上班");

        Assert.True(calendar.IsWorkingTime(Beijing(2026, 3, 7, 8, 30)));
        Assert.False(calendar.IsWorkingTime(Beijing(2026, 3, 7, 12, 30)));
    }

    [Fact]
    public void AWeekdayListedAsAWorkday_KeepsItsOwnHours()
    {
        var calendar = Calendars.Make("Asia/Shanghai", [new(DayOfWeek.Monday, new TimeOnly(8, 0), Twelve), .. Calendars.Weekdays(Nine, Six).Skip(1)]);
        calendar.SetDay(new DateOnly(2026, 3, 3), CalendarDayKind.Workday, "Tuesday anyway");

        Assert.False(calendar.IsWorkingTime(Beijing(2026, 3, 3, 8, 30)));
        Assert.True(calendar.IsWorkingTime(Beijing(2026, 3, 3, 17, 30)));
    }

    [Fact]
    public void AMakeUpDay_WhenMondayIsNotWorked_WorksTheNextWorkingWeekdaysHours()
    {
        var calendar = Calendars.Make("Asia/Shanghai", [new(DayOfWeek.Tuesday, Nine, Twelve), new(DayOfWeek.Saturday, One, Six)]);
        calendar.SetDay(new DateOnly(2026, 3, 8), CalendarDayKind.Workday, "Sunday shift");

        Assert.True(calendar.IsWorkingTime(Beijing(2026, 3, 8, 9, 0)));
        Assert.False(calendar.IsWorkingTime(Beijing(2026, 3, 8, 13, 0)));
    }

    [Fact]
    public void ARoundTheClockDay_EndsAtMidnight()
    {
        var calendar = Calendars.Make("Asia/Shanghai", [new(DayOfWeek.Monday, TimeOnly.MinValue, TimeOnly.MaxValue)]);

        Assert.Equal(TimeSpan.FromHours(24), calendar.WorkingTimeBetween(Beijing(2026, 3, 1, 12, 0), Beijing(2026, 3, 3, 12, 0)));
        Assert.Equal(Beijing(2026, 3, 3, 0, 0), calendar.AddWorkingDays(Beijing(2026, 3, 1, 12, 0), 1));
    }

    [Fact]
    public void Arithmetic_FollowsHoursAndDaysChangedBehindItsBack_AsEfCoreLoadingWould()
    {
        var calendar = Calendars.NineToSix();
        var tuesday = new DateOnly(2026, 3, 3);
        Assert.True(calendar.IsWorkingDay(tuesday));

        calendar.Days.Add(new CalendarDay(tuesday, CalendarDayKind.Holiday, "Loaded later"));

        Assert.False(calendar.IsWorkingDay(tuesday));
    }

    [Fact]
    public void Arithmetic_OnAStoredCalendarWithoutHours_IsABug()
    {
        var calendar = Calendars.NineToSix();
        calendar.Hours.Clear();

        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingTime(Beijing(2026, 3, 2, 9, 0), TimeSpan.FromHours(1)));
        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingDays(Beijing(2026, 3, 2, 9, 0), 1));
    }
}
