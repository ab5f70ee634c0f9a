using Redress.Domain.Sla;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>The 2026 bank holidays of England and Wales and the US federal holidays, as the presets list them.</summary>
public sealed class PresetCalendarTests
{
    [Fact]
    public void UnitedKingdom_ListsTheBankHolidaysOfEnglandAndWales()
    {
        var uk = BusinessCalendar.UnitedKingdom();

        Assert.Equal(("UK", "Europe/London"), (uk.Code, uk.TimeZoneId));
        Assert.Equal([D(1, 1), D(4, 3), D(4, 6), D(5, 4), D(5, 25), D(8, 31), D(12, 25), D(12, 28)], uk.Days.Select(d => d.Date).Order());
        Assert.All(uk.Days, d => Assert.Equal(CalendarDayKind.Holiday, d.Kind));
        Assert.All(uk.Days, d => Assert.False(uk.IsWorkingDay(d.Date)));
    }

    [Fact]
    public void UnitedStates_ListsTheFederalHolidaysAsObserved()
    {
        var us = BusinessCalendar.UnitedStates();

        Assert.Equal(("US", "America/New_York"), (us.Code, us.TimeZoneId));
        Assert.Equal([D(1, 1), D(1, 19), D(2, 16), D(5, 25), D(6, 19), D(7, 3), D(9, 7), D(10, 12), D(11, 11), D(11, 26), D(12, 25)],
            us.Days.Select(d => d.Date).Order());
        Assert.All(us.Days, d => Assert.False(us.IsWorkingDay(d.Date)));
    }

    [Fact]
    public void UnitedKingdom_OverEaster_SkipsGoodFridayAndEasterMonday() =>
        // Thu 2 Apr 16:00 BST (15:00 UTC) + 2 h → Tue 7 Apr 10:00 BST.
        Assert.Equal(Utc(2026, 4, 7, 9), BusinessCalendar.UnitedKingdom().AddWorkingTime(Utc(2026, 4, 2, 15), TimeSpan.FromHours(2)));

    [Fact]
    public void UnitedStates_OverThanksgiving_SkipsThursday() =>
        // Wed 25 Nov 16:00 EST (21:00 UTC) + 2 h → Fri 27 Nov 10:00 EST.
        Assert.Equal(Utc(2026, 11, 27, 15), BusinessCalendar.UnitedStates().AddWorkingTime(Utc(2026, 11, 25, 21), TimeSpan.FromHours(2)));

    [Fact]
    public void Presets_AreNewCalendarsEachTime_SoEditingOneLeavesTheOthers()
    {
        var edited = BusinessCalendar.ChinaMainland();
        edited.RemoveDay(new DateOnly(2026, 10, 8));
        edited.SetDay(new DateOnly(2026, 10, 8), CalendarDayKind.Holiday, "公司假日");

        Assert.False(edited.IsWorkingDay(new DateOnly(2026, 10, 8)));
        Assert.True(BusinessCalendar.ChinaMainland().IsWorkingDay(new DateOnly(2026, 10, 8)));
    }

    private static DateOnly D(int month, int day) => new(2026, month, day);
}
