using Redress.Domain.Analytics;
using Redress.Domain.Cases;
using Redress.Domain.Sla;

namespace Redress.Features.Analytics;

/// <summary>
/// The overview of complaint handling (R-AN-1, R-AN-2) within the reader's scope: the open backlog now, and
/// the cases created in the last <see cref="ComputeOverview.PeriodDays"/> local days (the period, today
/// included). Rates are of that cohort: a case counts in the period it was created in, whenever it closes.
/// </summary>
/// <param name="Today">Today in the organisation's time zone (Numbering:TimeZone).</param>
/// <param name="PeriodFrom">First instant of the period (UTC, inclusive); it ends at <paramref name="PeriodTo"/> (exclusive, tomorrow's midnight).</param>
/// <param name="NewToday">Cases created today.</param>
/// <param name="Open">Open cases now, whenever created.</param>
/// <param name="Overdue">Open cases past their due time now.</param>
/// <param name="OnTime">Closed cases of the period that closed by their due time, of the period's closed cases.</param>
/// <param name="Resolution">Closed cases of the period, of all the period's cases (closed, withdrawn, referred or still open).</param>
/// <param name="Repeat">Cases of the period flagged Repeat, of all the period's cases.</param>
/// <param name="Satisfaction">Mean rating (1-5) the customer gave on closing, over the period's closed cases that have one.</param>
/// <param name="Daily">The period's cases per local day and channel, oldest day first.</param>
/// <param name="Categories">Pareto of the period's classified cases by top category (sub-categories counted in their parent), largest first.</param>
/// <param name="Unclassified">The period's cases without a category (not in <paramref name="Categories"/>).</param>
/// <param name="Backlog">Open cases per lead department (主导部门), largest first.</param>
/// <param name="Unrouted">Open cases without a lead department yet (not in <paramref name="Backlog"/>).</param>
/// <param name="OpenByGrade">Open cases per grade, 1 to 4.</param>
/// <param name="OnTimeByTarget">Per SLA target, of the period's cases' clocks that were met or breached, those met in time (R-SLA-1); targets without such a clock are left out.</param>
public sealed record Overview(
    DateTime AsOf, LocalDay Today, DateTime PeriodFrom, DateTime PeriodTo,
    int NewToday, int Open, int Overdue,
    Ratio OnTime, Ratio Resolution, Ratio Repeat, SatisfactionScore Satisfaction,
    IReadOnlyList<DailyVolume> Daily, IReadOnlyList<CategoryShare> Categories, int Unclassified,
    IReadOnlyList<DepartmentBacklog> Backlog, int Unrouted, IReadOnlyList<GradeCount> OpenByGrade,
    IReadOnlyList<TargetOnTime> OnTimeByTarget);

/// <summary><paramref name="Count"/> of <paramref name="Of"/>; no value when there is nothing to divide by.</summary>
public sealed record Ratio(int Count, int Of)
{
    public double? Value => Of == 0 ? null : (double)Count / Of;
}

/// <param name="Mean">Null when no case has a rating.</param>
public sealed record SatisfactionScore(double? Mean, int Responses);

public sealed record DailyVolume(LocalDay Day, int Total, IReadOnlyList<ChannelCount> Channels);

public sealed record ChannelCount(Channel Channel, int Count);

/// <param name="CumulativePercent">This category and every larger one, as a percentage of the classified cases.</param>
public sealed record CategoryShare(int CategoryId, int Count, double CumulativePercent);

public sealed record DepartmentBacklog(int DepartmentId, int Open, int Overdue);

public sealed record GradeCount(int Grade, int Open, int Overdue);

/// <param name="OnTime">Clocks of this target met by their due time, of those met or breached. A running clock is not counted yet.</param>
public sealed record TargetOnTime(SlaTarget Target, Ratio OnTime);
