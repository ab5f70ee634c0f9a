using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Analytics;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.Features.Reference;

namespace Redress.Features.Analytics;

/// <summary>
/// The figures of the overview page and GET /analytics/overview. Two kinds of pass, each grouped in SQL and
/// bounded by an index: the open cases (IsOpen leads two indexes), and the period's cases one local day at a
/// time (CreatedAt). Local days are not one SQL expression on both databases, so each day is its own range.
/// The case list's filter does the scoping (R-SEC-1), so every figure matches the list its link opens.
/// </summary>
public sealed class ComputeOverview(IDbContextFactory<RedressDb> dbs, ReferenceData reference, NumberingOptions numbering, TimeProvider clock)
{
    public const int PeriodDays = 30;

    /// <summary>Who may read the overview: leads (their departments), quality, executives, administrators, auditors.</summary>
    public static readonly IReadOnlyList<Role> Readers = [Role.Lead, Role.QualityManager, Role.Executive, Role.Admin, Role.Auditor];

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(numbering.TimeZone);

    public async Task<Result<Overview>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsInAny(Readers))
            return Error.Forbidden("role_not_allowed", $"The overview needs one of the roles {string.Join(", ", Readers)}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var days = LocalDays.EndingToday(PeriodDays, now, _zone);
        await using var db = await dbs.CreateDbContextAsync(ct);
        IQueryable<Case> Cases(CaseListQuery q) => ListCases.Filter(db.Cases.AsNoTracking(), q, actor, now);

        var open = await Cases(CaseListQuery.Empty with { Open = true })
            .GroupBy(c => new { c.LeadDepartmentId, c.Grade })
            .Select(g => new OpenGroup(g.Key.LeadDepartmentId, g.Key.Grade, g.Count(), g.Count(c => c.DueAt < now)))
            .ToListAsync(ct);
        var period = new List<(LocalDay Day, List<PeriodGroup> Groups)>(days.Count);
        foreach (var day in days)
        {
            var groups = await Cases(CaseListQuery.Empty with { CreatedFrom = Utc(day.FromUtc), CreatedTo = Utc(day.ToUtc) })
                .GroupBy(c => new { c.Channel, c.CategoryId })
                .Select(g => new PeriodGroup(
                    g.Key.Channel, g.Key.CategoryId, g.Count(),
                    g.Count(c => c.Status == CaseStatus.Closed),
                    g.Count(c => c.Status == CaseStatus.Closed && c.ClosedAt <= c.DueAt),
                    g.Count(c => (c.Flags & CaseFlags.Repeat) != CaseFlags.None)))
                .ToListAsync(ct);
            period.Add((day, groups));
        }
        // The rating lives in a JSON column, which neither provider aggregates inside a group, but both group by
        // it: one more pass over the period, answered by five rows at most.
        var ratings = await Cases(CaseListQuery.Empty with { CreatedFrom = Utc(days[0].FromUtc), CreatedTo = Utc(days[^1].ToUtc), Status = [CaseStatus.Closed] })
            .Where(c => c.Confirmation!.Satisfaction != null)
            .GroupBy(c => c.Confirmation!.Satisfaction!.Value)
            .Select(g => new RatingGroup(g.Key, g.Count()))
            .ToListAsync(ct);
        var targets = await OnTimeByTargetAsync(db, Cases(CaseListQuery.Empty with { CreatedFrom = Utc(days[0].FromUtc), CreatedTo = Utc(days[^1].ToUtc) }), ct);
        return Summarise(now, days, open, period, ratings, targets, await reference.GetAsync(ct));
    }

    /// <summary>
    /// One grouped pass over the clocks of the period's cases (the cohort of ADR 0006): the cases come by their
    /// CreatedAt range and scope, their clocks by the CaseClocks (CaseId) index. A clock counts once it was met or
    /// breached; met in time is met by its due time, so a breach met late counts against the target.
    /// </summary>
    private static async Task<List<TargetOnTime>> OnTimeByTargetAsync(RedressDb db, IQueryable<Case> cases, CancellationToken ct)
    {
        var groups = await db.CaseClocks.AsNoTracking()
            .Where(k => k.MetAt != null || k.BreachedAt != null)
            .Join(cases, k => k.CaseId, c => c.Id, (k, _) => k)
            .GroupBy(k => k.Target)
            .Select(g => new { Target = g.Key, OnTime = g.Count(k => k.MetAt != null && k.MetAt <= k.DueAt), Counted = g.Count() })
            .ToListAsync(ct);
        return [.. groups.OrderBy(g => g.Target).Select(g => new TargetOnTime(g.Target, new Ratio(g.OnTime, g.Counted)))];
    }

    private sealed record OpenGroup(int? DepartmentId, int Grade, int Count, int Overdue);

    private sealed record PeriodGroup(Channel Channel, int? CategoryId, int Count, int Closed, int ClosedOnTime, int Repeat);

    private sealed record RatingGroup(int Rating, int Count);

    private static DateTimeOffset Utc(DateTime utc) => new(utc, TimeSpan.Zero);

    private static Overview Summarise(DateTime now, IReadOnlyList<LocalDay> days, List<OpenGroup> open,
        List<(LocalDay Day, List<PeriodGroup> Groups)> period, List<RatingGroup> ratings, List<TargetOnTime> targets, ReferenceData.Snapshot refs)
    {
        var all = period.SelectMany(p => p.Groups).ToList();
        var (created, closed, rated) = (all.Sum(g => g.Count), all.Sum(g => g.Closed), ratings.Sum(r => r.Count));
        List<DailyVolume> daily = [.. period.Select(p => new DailyVolume(p.Day, p.Groups.Sum(g => g.Count),
            [.. p.Groups.GroupBy(g => g.Channel).Select(c => new ChannelCount(c.Key, c.Sum(g => g.Count))).OrderBy(c => c.Channel)]))];
        List<DepartmentBacklog> backlog = [.. open.Where(g => g.DepartmentId is not null).GroupBy(g => g.DepartmentId!.Value)
            .Select(d => new DepartmentBacklog(d.Key, d.Sum(g => g.Count), d.Sum(g => g.Overdue)))
            .OrderByDescending(d => d.Open).ThenBy(d => d.DepartmentId)];
        List<GradeCount> grades = [.. Enumerable.Range(1, 4).Select(grade => new GradeCount(grade,
            open.Where(g => g.Grade == grade).Sum(g => g.Count), open.Where(g => g.Grade == grade).Sum(g => g.Overdue)))];
        return new Overview(
            now, days[^1], days[0].FromUtc, days[^1].ToUtc,
            NewToday: daily[^1].Total, Open: open.Sum(g => g.Count), Overdue: open.Sum(g => g.Overdue),
            OnTime: new Ratio(all.Sum(g => g.ClosedOnTime), closed),
            Resolution: new Ratio(closed, created),
            Repeat: new Ratio(all.Sum(g => g.Repeat), created),
            Satisfaction: new SatisfactionScore(rated == 0 ? null : (double)ratings.Sum(r => r.Rating * r.Count) / rated, rated),
            Daily: daily, Categories: Pareto(all, refs), Unclassified: all.Where(g => g.CategoryId is null).Sum(g => g.Count),
            Backlog: backlog, Unrouted: open.Where(g => g.DepartmentId is null).Sum(g => g.Count), OpenByGrade: grades,
            OnTimeByTarget: targets);
    }

    /// <summary>
    /// Sub-categories count in their parent: the same roll-up as the case list's category filter, so a bar's
    /// link finds exactly the bar's cases.
    /// </summary>
    private static List<CategoryShare> Pareto(List<PeriodGroup> groups, ReferenceData.Snapshot refs)
    {
        var byTop = groups.Where(g => g.CategoryId is not null)
            .GroupBy(g => refs.Categories.TryGetValue(g.CategoryId!.Value, out var c) && c.ParentId is { } parent ? parent : g.CategoryId!.Value)
            .Select(t => (Id: t.Key, Count: t.Sum(g => g.Count)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Id).ToList();
        var total = byTop.Sum(t => t.Count);
        var running = 0;
        return [.. byTop.Select(t => new CategoryShare(t.Id, t.Count, 100.0 * (running += t.Count) / total))];
    }
}
