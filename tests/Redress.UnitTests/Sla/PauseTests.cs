using Redress.Domain.Sla;
using static Redress.UnitTests.Sla.Clock;

namespace Redress.UnitTests.Sla;

/// <summary>R-SLA-2: the clock stands still while the case waits on the customer (China calendar, March 2026).</summary>
public sealed class PauseTests
{
    private readonly BusinessCalendar _china = BusinessCalendar.ChinaMainland();

    [Fact]
    public void Due_OnTheCalendarBasis_IsTheStartPlusTheDuration() =>
        Assert.Equal(Beijing(2026, 3, 8, 17, 0), _china.Due(Beijing(2026, 3, 6, 17, 0), TimeSpan.FromHours(48), TimeBasis.Calendar));

    [Fact]
    public void Due_OnTheBusinessBasis_CountsWorkingTime() =>
        Assert.Equal(Beijing(2026, 3, 10, 17, 0), _china.Due(Beijing(2026, 3, 6, 17, 0), TimeSpan.FromHours(16), TimeBasis.Business));

    [Fact]
    public void ResumedDue_OnTheCalendarBasis_MovesByThePause()
    {
        var due = Beijing(2026, 3, 9, 10, 0);

        Assert.Equal(due.AddHours(27.5), _china.ResumedDue(due, Beijing(2026, 3, 6, 17, 0), Beijing(2026, 3, 7, 20, 30), TimeBasis.Calendar));
    }

    [Fact]
    public void ResumedDue_OnTheBusinessBasis_KeepsTheWorkingTimeThatWasLeft()
    {
        // Paused Fri 17:00 with 2 working hours left (Fri 17-18, Mon 9-10); resumed Tue 15:00.
        var due = _china.ResumedDue(Beijing(2026, 3, 9, 10, 0), Beijing(2026, 3, 6, 17, 0), Beijing(2026, 3, 10, 15, 0), TimeBasis.Business);

        Assert.Equal(Beijing(2026, 3, 10, 17, 0), due);
    }

    [Fact]
    public void ResumedDue_OnTheBusinessBasis_ResumedOutOfHours_CountsFromTheNextPeriod() =>
        Assert.Equal(Beijing(2026, 3, 16, 11, 0),
            _china.ResumedDue(Beijing(2026, 3, 9, 10, 0), Beijing(2026, 3, 6, 17, 0), Beijing(2026, 3, 14, 10, 0), TimeBasis.Business));

    [Fact]
    public void ResumedDue_OnTheBusinessBasis_APauseOutsideWorkingHours_ChangesNothing() =>
        Assert.Equal(Beijing(2026, 3, 9, 10, 0),
            _china.ResumedDue(Beijing(2026, 3, 9, 10, 0), Beijing(2026, 3, 6, 19, 0), Beijing(2026, 3, 7, 10, 0), TimeBasis.Business));

    [Fact]
    public void ResumedDue_OnTheBusinessBasis_OverSpringFestival_WaitsForTheFirstWorkingDay() =>
        // Paused on the make-up Saturday with an hour left, resumed on 初一: the hour is Tue 24 Feb 09:00-10:00.
        Assert.Equal(Beijing(2026, 2, 24, 10, 0),
            _china.ResumedDue(Beijing(2026, 2, 14, 18, 0), Beijing(2026, 2, 14, 17, 0), Beijing(2026, 2, 17, 10, 0), TimeBasis.Business));

    [Fact]
    public void ResumedDue_WhenAlreadyOverdue_OnTheBusinessBasis_HadNothingLeft_SoIsTheResume()
    {
        var resumed = Beijing(2026, 3, 10, 15, 0);

        Assert.Equal(resumed, _china.ResumedDue(Beijing(2026, 3, 5, 10, 0), Beijing(2026, 3, 6, 17, 0), resumed, TimeBasis.Business));
    }

    [Fact]
    public void ResumedDue_WhenAlreadyOverdue_OnTheCalendarBasis_StaysOverdueByAsMuch()
    {
        var due = Beijing(2026, 3, 5, 10, 0);
        var paused = Beijing(2026, 3, 6, 17, 0);
        var resumed = Beijing(2026, 3, 10, 15, 0);

        Assert.Equal(paused - due, resumed - _china.ResumedDue(due, paused, resumed, TimeBasis.Calendar));
    }

    [Fact]
    public void ResumedDue_ResumedBeforeItWasPaused_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _china.ResumedDue(Beijing(2026, 3, 9, 10, 0), Beijing(2026, 3, 6, 17, 0), Beijing(2026, 3, 6, 16, 0), TimeBasis.Business));
}
