using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.Features.Sla;

namespace Redress.Features.Analytics;

/// <summary>
/// The report buckets of R-SLA-5 (GET /analytics/sla-buckets and /reports/sla-buckets): how many of the cases closed
/// in a period were resolved within each of the active profile's buckets, and which cases those are. Cases come by the
/// covering (Status, ClosedAt, Id, CreatedAt, LeadDepartmentId) index: a report reads the period's closed cases and
/// nothing else. Their band is worked out in memory (<see cref="ReportBands"/>), as working days need the calendar.
/// Scoped like the case list.
/// </summary>
public sealed class CountSlaBuckets(IDbContextFactory<RedressDb> dbs, SlaSettings settings, TimeProvider clock)
{
    public const int MaxDays = 366;
    private const int Batch = 500;
    private const int MaxBatchesPerPage = 20;

    private sealed record Closed(long Id, DateTime CreatedAt, DateTime ClosedAt, int? LeadDepartmentId);

    public async Task<Result<SlaBucketReport>> HandleAsync(SlaBucketQuery q, Actor actor, CancellationToken ct)
    {
        if (Check(actor, q.From, q.To) is { } error) return error;
        var (from, to) = (q.From!.Value.UtcDateTime, q.To!.Value.UtcDateTime);
        var rules = await settings.GetAsync(ct);
        var bands = new ReportBands(rules.Profile.Buckets);
        var counts = new int[bands.Buckets.Count + 1];
        await using var db = await dbs.CreateDbContextAsync(ct);
        await foreach (var c in Project(Rows(db, actor, from, to)).AsAsyncEnumerable().WithCancellation(ct))
            counts[bands.BandOf(c.CreatedAt, c.ClosedAt, rules.CalendarFor(c.LeadDepartmentId)) ?? bands.Buckets.Count]++;
        var total = counts.Sum();
        double? Share(int n) => total == 0 ? null : (double)n / total;
        List<BucketCount> buckets = [.. bands.Buckets.Select((b, i) => new BucketCount(b.Key, b.Within, counts[i], Share(counts[i]))),
            new BucketCount(SlaBucketReport.Outside, null, counts[^1], Share(counts[^1]))];
        var p = rules.Profile;
        return new SlaBucketReport(p.Code, p.NameZh, p.NameEn, from, to, total, buckets);
    }

    /// <summary>
    /// The cases of one bucket, in closing order. A page walks the period from its cursor in batches and stops when
    /// it is full or has read <see cref="MaxBatchesPerPage"/> batches, so a page may hold fewer cases than asked for
    /// and still have a next cursor.
    /// </summary>
    public async Task<Result<CasePage>> CasesAsync(SlaBucketCasesQuery q, Actor actor, CancellationToken ct)
    {
        if (Check(actor, q.From, q.To) is { } error) return error;
        var limit = q.Limit ?? 20;
        if (limit is < 1 or > 100) return Error.Invalid("limit_out_of_range", "limit is 1 to 100.", "limit");
        var rules = await settings.GetAsync(ct);
        var bands = new ReportBands(rules.Profile.Buckets);
        int? wanted = q.Bucket == SlaBucketReport.Outside ? null : bands.Buckets.Select(b => b.Key).ToList().IndexOf(q.Bucket ?? "");
        if (wanted < 0) return Error.Invalid("unknown_bucket", $"The active profile {rules.Profile.Code} has no bucket '{q.Bucket}'; use one of its keys or {SlaBucketReport.Outside}.", "bucket");
        (DateTime At, long Id)? cursor = null;
        if (q.Cursor is not null && (cursor = ParseCursor(q.Cursor)) is null) return Error.Invalid("bad_cursor", "The cursor is not one this report issued.", "cursor");

        var (from, to, now) = (q.From!.Value.UtcDateTime, q.To!.Value.UtcDateTime, clock.GetUtcNow().UtcDateTime);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = new List<long>();
        var more = true;
        for (var i = 0; i < MaxBatchesPerPage && found.Count < limit && more; i++)
        {
            var batch = await NextBatchAsync(db, actor, from, to, cursor, ct);
            more = batch.Count == Batch;
            for (var j = 0; j < batch.Count && found.Count < limit; j++)
            {
                var c = batch[j];
                cursor = (c.ClosedAt, c.Id);
                if (bands.BandOf(c.CreatedAt, c.ClosedAt, rules.CalendarFor(c.LeadDepartmentId)) != wanted) continue;
                found.Add(c.Id);
                // Full before the batch's end: the rest of it is the next page's.
                if (found.Count == limit && j < batch.Count - 1) more = true;
            }
        }
        var rows = await ListCases.Project(db.Cases.AsNoTracking().Where(c => found.Contains(c.Id)), now).ToListAsync(ct);
        var ordered = found.Select(id => rows.Single(r => r.Id == id));
        return new CasePage(ListCases.Masked(ordered, actor), more && cursor is { } next ? FormatCursor(next) : null);
    }

    private static IQueryable<Case> Rows(RedressDb db, Actor actor, DateTime from, DateTime to) =>
        ListCases.Filter(db.Cases.AsNoTracking(), CaseListQuery.Empty, actor, DateTime.MinValue)
            .Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= from && c.ClosedAt < to);

    private static IQueryable<Closed> Project(IQueryable<Case> cases) =>
        cases.Select(c => new Closed(c.Id, c.CreatedAt, c.ClosedAt!.Value, c.LeadDepartmentId));

    /// <summary>The next cases after the cursor: first those closed at the cursor's very instant, then later ones; both are index ranges.</summary>
    private static async Task<List<Closed>> NextBatchAsync(RedressDb db, Actor actor, DateTime from, DateTime to, (DateTime At, long Id)? cursor, CancellationToken ct)
    {
        var batch = new List<Closed>();
        var rows = Rows(db, actor, from, to);
        if (cursor is { } c)
            batch.AddRange(await Project(rows.Where(r => r.ClosedAt == c.At && r.Id > c.Id).OrderBy(r => r.Id).Take(Batch)).ToListAsync(ct));
        var after = cursor is { } d ? rows.Where(r => r.ClosedAt > d.At) : rows;
        batch.AddRange(await Project(after.OrderBy(r => r.ClosedAt).ThenBy(r => r.Id).Take(Batch - batch.Count)).ToListAsync(ct));
        return batch;
    }

    private static Error? Check(Actor actor, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (!actor.IsInAny(ComputeOverview.Readers))
            return Error.Forbidden("role_not_allowed", $"The report needs one of the roles {string.Join(", ", ComputeOverview.Readers)}.");
        if (from is null || to is null) return Error.Invalid("period_required", "Give the period as from and to (ISO 8601 instants).", from is null ? "from" : "to");
        if (to <= from) return Error.Invalid("period_order", "to must be after from.", "to");
        if (to - from > TimeSpan.FromDays(MaxDays)) return Error.Invalid("period_too_long", $"A report covers at most {MaxDays} days.", "to");
        return null;
    }

    private static string FormatCursor((DateTime At, long Id) c) => FormattableString.Invariant($"{c.At.Ticks}-{c.Id}");

    private static (DateTime, long)? ParseCursor(string text) =>
        text.Split('-') is [var ticks, var id] && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t) && t is > 0 and < 3155378975999999999
            && long.TryParse(id, CultureInfo.InvariantCulture, out var i)
            ? (new DateTime(t, DateTimeKind.Utc), i) : null;
}
