using Redress.Domain.Sla;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>R-SLA-5: the band of a regulator's report a resolved case falls in.</summary>
public sealed class ReportBandsTests
{
    private static readonly BusinessCalendar China = BusinessCalendar.ChinaMainland();

    /// <summary>FCA DISP: by the end of the 3rd business day, else within 8 weeks.</summary>
    private static ReportBands Fca() => new([new("3bd", new(3, SlaUnit.WorkingDays)), new("8w", new(56, SlaUnit.CalendarDays))]);

    [Fact]
    public void ACaseResolvedWithinTheShortestBucket_CountsThereOnly() =>
        // Received Tuesday 3 March 2026: three working days end on Friday 6 March at 18:00.
        Assert.Equal(0, Fca().BandOf(Beijing(2026, 3, 3, 10), Beijing(2026, 3, 6, 17, 59), China));

    [Fact]
    public void ACaseResolvedAfterTheThirdWorkingDay_CountsInTheNextBucket() =>
        Assert.Equal(1, Fca().BandOf(Beijing(2026, 3, 3, 10), Beijing(2026, 3, 9, 9), China));

    [Fact]
    public void ACaseResolvedAfterEveryBucket_IsOutsideAll() =>
        Assert.Null(Fca().BandOf(Beijing(2026, 3, 3, 10), Beijing(2026, 3, 3, 10).AddDays(56).AddSeconds(1), China));

    [Fact]
    public void WorkingDays_SkipTheSpringFestival() =>
        // Received Friday 13 Feb 2026, the last working day before 春节 (15-23 Feb off; 14 and 28 Feb are make-up days).
        // Working days after it: Sat 14 (调休), Tue 24, Wed 25: resolved on Tue 24 is within three.
        Assert.Equal(0, Fca().BandOf(Beijing(2026, 2, 13, 10), Beijing(2026, 2, 24, 17), China));

    [Fact]
    public void BucketsAreBands_ByTheirLimitForTheCase_NotByTheirOrderInTheProfile()
    {
        // A 15-day bucket listed before a 3-working-day one: a case resolved on day 2 is in the shorter.
        var bands = new ReportBands([new("15d", new(15, SlaUnit.CalendarDays)), new("3wd", new(3, SlaUnit.WorkingDays))]);

        Assert.Equal(1, bands.BandOf(Beijing(2026, 3, 3, 10), Beijing(2026, 3, 5, 10), China));
        Assert.Equal(0, bands.BandOf(Beijing(2026, 3, 3, 10), Beijing(2026, 3, 12, 10), China));
    }

    [Fact]
    public void WorkingDayLimits_AreTheSameFromAnyTimeOfTheDay_SoTheirMemoCannotMixDaysUp()
    {
        var bands = Fca();
        // Worked out first from the morning, then asked about an evening receipt of the same date and of the next day.
        Assert.Equal(0, bands.BandOf(Beijing(2026, 3, 3, 9), Beijing(2026, 3, 6, 17), China));
        Assert.Equal(0, bands.BandOf(Beijing(2026, 3, 3, 23), Beijing(2026, 3, 6, 17), China));
        Assert.Equal(0, bands.BandOf(Beijing(2026, 3, 4, 0, 30), Beijing(2026, 3, 9, 17), China));
        Assert.Equal(1, bands.BandOf(Beijing(2026, 3, 3, 23), Beijing(2026, 3, 9, 9), China));
    }

    [Fact]
    public void WithoutBuckets_EveryCaseIsOutside() =>
        Assert.Null(new ReportBands([]).BandOf(Beijing(2026, 3, 3, 10), Beijing(2026, 3, 3, 11), China));
}
