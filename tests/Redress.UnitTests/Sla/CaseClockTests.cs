using Redress.Domain.Sla;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Sla;

/// <summary>The scheduler's steps on one clock: warn at 75 %, breach at the limit, escalate later, each once.</summary>
public sealed class CaseClockTests
{
    private static readonly SlaRules Rules = TestRules.Internal;

    /// <summary>A grade 2 case's one-hour supervisor-report clock, started at Times.Start.</summary>
    private static CaseClock OneHourClock()
    {
        var kase = A.Case().Graded(2).Build();
        kase.ApplyClockRules(Staff.Agent, Times.Start, Rules);
        return kase.ActiveClock(SlaTarget.SupervisorReport)!;
    }

    [Fact]
    public void Advance_StepsThroughWarnBreachEscalate_EachOnce()
    {
        var clock = OneHourClock();
        Assert.Equal(Times.Start.AddMinutes(45), clock.NextCheckAt);

        Assert.Null(clock.Advance(Times.Start.AddMinutes(44)));
        Assert.Equal(ClockStep.Warn, clock.Advance(Times.Start.AddMinutes(45)));
        Assert.Null(clock.Advance(Times.Start.AddMinutes(46)));
        Assert.Equal(Times.Start.AddHours(1), clock.NextCheckAt);
        Assert.Equal(ClockStep.Breach, clock.Advance(Times.Start.AddHours(1)));
        Assert.False(clock.MetInTime);
        Assert.Equal(Times.Start.AddHours(5), clock.NextCheckAt);
        Assert.Equal(ClockStep.Escalate, clock.Advance(Times.Start.AddHours(5)));
        Assert.Null(clock.NextCheckAt);
        Assert.Null(clock.Advance(Times.Start.AddDays(9)));
    }

    [Fact]
    public void Advance_AfterDowntime_SkipsTheWarning_AndCatchesUp()
    {
        var clock = OneHourClock();
        var late = Times.Start.AddHours(6);

        List<ClockStep> steps = [];
        while (clock.Advance(late) is { } step) steps.Add(step);

        Assert.Equal([ClockStep.Breach, ClockStep.Escalate], steps);
        Assert.Null(clock.WarnedAt);
    }
}
