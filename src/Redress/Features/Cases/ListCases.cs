using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Reference;

namespace Redress.Features.Cases;

/// <summary>Query string of the case list. Every filter narrows; several values of one filter mean any of them.</summary>
public sealed record CaseListQuery(
    [FromQuery] CaseStatus[]? Status,
    [FromQuery] int[]? Grade,
    [FromQuery] int[]? CategoryId,
    [FromQuery] Channel[]? Channel,
    /// <summary>Cases this department leads (主导).</summary>
    [FromQuery] int? DepartmentId,
    /// <summary>Cases this department assists (协办).</summary>
    [FromQuery] int? AssistingDepartmentId,
    /// <summary>A user id, or "me".</summary>
    [FromQuery] string? AssigneeId,
    [FromQuery] bool? Unassigned,
    /// <summary>Cases carrying any of these flags.</summary>
    [FromQuery] CaseFlags[]? Flag,
    [FromQuery] bool? Open,
    [FromQuery] bool? Overdue,
    /// <summary>Open cases due before this time (overdue ones included): the "due soon" queue.</summary>
    [FromQuery] DateTimeOffset? DueBefore,
    [FromQuery] DateTimeOffset? CreatedFrom,
    [FromQuery] DateTimeOffset? CreatedTo,
    /// <summary>Words in Chinese or English, a case number prefix, a phone number or an email.</summary>
    [FromQuery] string? Q,
    /// <summary>created, -created (default), due, -due, grade.</summary>
    [FromQuery] string? Sort,
    [FromQuery] int? Limit,
    [FromQuery] string? Cursor)
{
    public static readonly CaseListQuery Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}

public sealed record CaseSummary(
    long Id, string Number, int Version, CaseStatus Status, Channel Channel, string Subject, string CustomerName,
    int Grade, IReadOnlyList<string> Flags, int? CategoryId, int? LeadDepartmentId, string? AssigneeName,
    DateTime CreatedAt, DateTime DueAt, bool Overdue,
    /// <summary>R-SLA-1: the running clock due first (none when every clock is met, stopped or paused); read after the page.</summary>
    UrgentClock? Clock = null);

/// <param name="Breached">Past its due time (whether or not the scheduler has taken the step yet).</param>
public sealed record UrgentClock(SlaTarget Target, DateTime DueAt, bool Breached);

/// <param name="NextCursor">Pass back as cursor for the next page; null on the last page.</param>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, string? NextCursor);

/// <summary>
/// The case list behind every queue and the search box: filters, sort, keyset pagination (a page costs
/// the same on page 1 and page 10,000) and full-text search, always within the actor's scope.
/// </summary>
public sealed partial class ListCases(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    private const int MaxSearchBatch = 256;
    private const int MaxSearchBatches = 16;

    /// <summary>The page as the actor may see it: customer names masked for roles that see personal data masked (R-SEC-2).</summary>
    public async Task<Result<CasePage>> HandleAsync(CaseListQuery q, Actor actor, CancellationToken ct)
    {
        var page = await FindAsync(q, actor, ct);
        if (!page.IsSuccess) return page;
        var rows = actor.SeesCustomerData ? page.Value.Items : Masked(page.Value.Items, actor);
        return page.Value with { Items = await WithClocksAsync(rows, ct) };
    }

    /// <summary>
    /// The most urgent running clock of each row, in one query on the CaseClocks (CaseId) index for the page's
    /// ids only: joining clocks into the list query would multiply its rows and cost it its index order.
    /// </summary>
    private async Task<IReadOnlyList<CaseSummary>> WithClocksAsync(IReadOnlyList<CaseSummary> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var running = await db.CaseClocks.AsNoTracking()
            .Where(k => ids.Contains(k.CaseId) && k.MetAt == null && k.StoppedAt == null && k.PausedAt == null)
            .Select(k => new { k.CaseId, k.Target, k.DueAt, k.BreachedAt })
            .ToListAsync(ct);
        var first = running.GroupBy(k => k.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(k => k.DueAt).ThenBy(k => k.Target).First());
        return [.. rows.Select(r => first.TryGetValue(r.Id, out var k)
            ? r with { Clock = new UrgentClock(k.Target, k.DueAt, k.BreachedAt is not null || k.DueAt <= now) }
            : r)];
    }

    internal static List<CaseSummary> Masked(IEnumerable<CaseSummary> rows, Actor actor) =>
        [.. rows.Select(r => actor.SeesCustomerData ? r : r with { CustomerName = CustomerView.MaskName(r.CustomerName) })];

    /// <summary>Unmasked: for use cases that compare names before they answer (customer history by name).</summary>
    internal async Task<Result<CasePage>> FindAsync(CaseListQuery q, Actor actor, CancellationToken ct)
    {
        var limit = q.Limit ?? 20;
        if (limit is < 1 or > 100) return Error.Invalid("limit_out_of_range", "limit is 1 to 100.", "limit");
        // Search results come newest first whatever the sort says.
        var sort = string.IsNullOrWhiteSpace(q.Q) ? q.Sort ?? "-created" : "-created";
        if (sort is not ("created" or "-created" or "due" or "-due" or "grade"))
            return Error.Invalid("unknown_sort", "sort is one of created, -created, due, -due, grade.", "sort");
        Cursor? cursor = null;
        if (q.Cursor is not null && (cursor = Cursor.Parse(q.Cursor, sort)) is null)
            return Error.Invalid("bad_cursor", "The cursor is not one this list issued for this sort.", "cursor");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var cases = Filter(db.Cases.AsNoTracking(), q, actor, now);
        var text = q.Q?.Trim();
        if (string.IsNullOrEmpty(text))
            return await PageAsync(cases, sort, cursor, limit, now, ct);

        if (NumberPrefix().IsMatch(text))
        {
            // Decided on the whole prefix, not on this page: a phone number (digits, no case number starts
            // with it) pages through the full-text matches, and its cursor must not land back here.
            var byNumber = cases.Where(c => c.Number.CompareTo(text) >= 0 && c.Number.CompareTo(text + "\uffff") < 0);
            if (await byNumber.AnyAsync(ct)) return await PageAsync(byNumber, "-created", cursor, limit, now, ct);
        }
        var match = SearchTokens.ForQuery(text);
        if (match is null) return new CasePage([], null);
        return await SearchAsync(db, cases, match.Value, ScopeOf(q, actor), cursor?.Id ?? long.MaxValue, limit, now, ct);
    }

    /// <summary>
    /// Walks the full-text matches newest first in batches, keeping those the filters and scope allow, until
    /// the page is full. A page may come back short with a cursor when filters reject many matches.
    /// </summary>
    private static async Task<Result<CasePage>> SearchAsync(RedressDb db, IQueryable<Case> cases, (string, string) match, int[]? scope, long before, int limit, DateTime now, CancellationToken ct)
    {
        var items = new List<CaseSummary>();
        // Start with what the page needs: when filters reject few matches, one small batch fills it.
        // Each batch that leaves the page short is four times larger, up to MaxSearchBatch.
        var size = limit;
        for (var batch = 0; batch < MaxSearchBatches; batch++, size = Math.Min(size * 4, MaxSearchBatch))
        {
            var ids = await CaseSearchIndex.MatchAsync(db, match, before, size, scope, ct);
            if (ids.Count == 0) return new CasePage(items, null);
            var rows = await Project(cases.Where(c => ids.Contains(c.Id)), now).ToListAsync(ct);
            var byId = rows.ToDictionary(r => r.Id);
            foreach (var id in ids)
            {
                before = id;
                if (!byId.TryGetValue(id, out var row)) continue;
                items.Add(row);
                if (items.Count == limit)
                    return new CasePage(items, new Cursor("-created", 0, id).ToString());
            }
            if (ids.Count < size) return new CasePage(items, null);
        }
        return new CasePage(items, new Cursor("-created", 0, before).ToString());
    }

    private static async Task<Result<CasePage>> PageAsync(IQueryable<Case> cases, string sort, Cursor? after, int limit, DateTime now, CancellationToken ct)
    {
        var (ordered, key) = Order(cases, sort, after);
        var rows = await Project(ordered.Take(limit + 1), now).ToListAsync(ct);
        if (rows.Count <= limit) return new CasePage(rows, null);
        rows.RemoveAt(limit);
        return new CasePage(rows, new Cursor(sort, key(rows[^1]), rows[^1].Id).ToString());
    }

    private static (IQueryable<Case>, Func<CaseSummary, long>) Order(IQueryable<Case> cases, string sort, Cursor? a)
    {
        // The keyset condition is added only when there is a cursor: "@p IS NULL OR ..." would hide the index.
        if (a is not null)
        {
            var (key, id) = (a.Key, a.Id);
            var at = new DateTime(key, DateTimeKind.Utc);
            cases = sort switch
            {
                "created" => cases.Where(c => c.Id > id),
                "due" => cases.Where(c => c.DueAt > at || (c.DueAt == at && c.Id > id)),
                "-due" => cases.Where(c => c.DueAt < at || (c.DueAt == at && c.Id < id)),
                "grade" => cases.Where(c => c.Grade > key || (c.Grade == key && c.Id < id)),
                _ => cases.Where(c => c.Id < id),
            };
        }
        return sort switch
        {
            "created" => (cases.OrderBy(c => c.Id), _ => 0),
            "due" => (cases.OrderBy(c => c.DueAt).ThenBy(c => c.Id), r => r.DueAt.Ticks),
            "-due" => (cases.OrderByDescending(c => c.DueAt).ThenByDescending(c => c.Id), r => r.DueAt.Ticks),
            "grade" => (cases.OrderBy(c => c.Grade).ThenByDescending(c => c.Id), r => r.Grade),
            _ => (cases.OrderByDescending(c => c.Id), _ => 0),
        };
    }

    /// <summary>Counts stop here: "10,000+" says enough, and counting a department's whole history at 1,000,000 cases cost a second.</summary>
    public const int CountCap = 10_000;

    public static string ShowCount(int count) => count > CountCap
        ? CountCap.ToString("N0", CultureInfo.CurrentCulture) + "+"
        : count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// How many cases each query finds within the actor's scope, at most <see cref="CountCap"/> + 1: the counts beside
    /// the queues. They run on the thread pool: SQLite runs a statement synchronously, and on a page's circuit the
    /// counts held it for seconds at 1,000,000 cases, so that the page could neither render nor, when its reader
    /// left, be disposed and stop them.
    /// </summary>
    public Task<int[]> CountAsync(IReadOnlyList<CaseListQuery> queries, Actor actor, CancellationToken ct) =>
        Task.Run(() => CountHereAsync(queries, actor, ct), ct);

    private async Task<int[]> CountHereAsync(IReadOnlyList<CaseListQuery> queries, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        // A reader who leaves the page stops its counts: they are the slowest statements a page runs.
        using var interrupt = await db.InterruptOnCancelAsync(ct);
        var counts = new int[queries.Count];
        var cases = db.Cases.AsNoTracking();
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            if (ScopeOf(q, actor) is not { } ids)
            {
                counts[i] = await Matching(cases, q, actor, now).Take(CountCap + 1).CountAsync(ct);
                continue;
            }
            // In two parts: the cases one of the departments leads (its index), then those it only assists (their ids
            // built once, as a list). As the one OR of the list's scope, SQLite walked every open case and probed each
            // one's assisting departments: a lead's "unassigned" count took 0.8 s at 1,000,000 cases in the sqlite3
            // shell (2-4 s in the server beside other requests), the two parts 0.25 s.
            var led = await Matching(cases.Where(c => c.LeadDepartmentId != null && ids.Contains(c.LeadDepartmentId.Value)), q, actor, now)
                .Take(CountCap + 1).CountAsync(ct);
            var assisted = cases.SelectMany(x => x.AssistingDepartments, (x, a) => new { x.Id, a.DepartmentId })
                .Where(p => ids.Contains(p.DepartmentId)).Select(p => p.Id);
            counts[i] = led > CountCap ? led : led + await Matching(
                cases.Where(c => !(c.LeadDepartmentId != null && ids.Contains(c.LeadDepartmentId.Value)) && assisted.Contains(c.Id)), q, actor, now)
                .Take(CountCap + 1 - led).CountAsync(ct);
        }
        return counts;
    }

    /// <summary>
    /// The departments that limit what the actor sees (R-SEC-1), or null when nothing does. Skipped when the
    /// department filter already implies it, so the planner can walk the (LeadDepartmentId, IsOpen, DueAt, Id)
    /// index straight into the page.
    /// </summary>
    private static int[]? ScopeOf(CaseListQuery q, Actor actor)
    {
        var depts = actor.DepartmentIds;
        var impliedByFilter = q.DepartmentId is { } d0 && depts.Contains(d0) || q.AssistingDepartmentId is { } d1 && depts.Contains(d1);
        return actor.IsDepartmentScoped && !impliedByFilter ? [.. depts] : null;
    }

    internal static IQueryable<Case> Filter(IQueryable<Case> cases, CaseListQuery q, Actor actor, DateTime now)
    {
        if (ScopeOf(q, actor) is { } ids)
        {
            cases = cases.Where(c => (c.LeadDepartmentId != null && ids.Contains(c.LeadDepartmentId.Value))
                                     || c.AssistingDepartments.Any(a => ids.Contains(a.DepartmentId)));
        }
        return Matching(cases, q, actor, now);
    }

    /// <summary>The query's filters, without the actor's department scope.</summary>
    private static IQueryable<Case> Matching(IQueryable<Case> cases, CaseListQuery q, Actor actor, DateTime now)
    {
        if (q.Status is { Length: > 0 } statuses) cases = cases.Where(c => statuses.Contains(c.Status));
        if (q.Grade is { Length: > 0 } grades) cases = cases.Where(c => grades.Contains(c.Grade));
        if (q.CategoryId is { Length: > 0 } categories) cases = cases.Where(c => c.CategoryId != null && categories.Contains(c.CategoryId.Value));
        if (q.Channel is { Length: > 0 } channels) cases = cases.Where(c => channels.Contains(c.Channel));
        if (q.DepartmentId is { } lead) cases = cases.Where(c => c.LeadDepartmentId == lead);
        if (q.AssistingDepartmentId is { } assisting) cases = cases.Where(c => c.AssistingDepartments.Any(a => a.DepartmentId == assisting));
        if (q.AssigneeId is { } assignee)
        {
            var who = assignee == "me" ? actor.UserId : assignee;
            cases = cases.Where(c => c.AssigneeId == who);
        }
        if (q.Unassigned is true) cases = cases.Where(c => c.AssigneeId == null);
        if (q.Flag is { Length: > 0 } flags)
        {
            var mask = flags.ToFlags();
            cases = cases.Where(c => (c.Flags & mask) != CaseFlags.None);
        }
        if (q.Open is { } open) cases = cases.Where(c => c.IsOpen == open);
        if (q.Overdue is true) cases = cases.Where(c => c.IsOpen && c.DueAt < now);
        if (q.Overdue is false) cases = cases.Where(c => !c.IsOpen || c.DueAt >= now);
        if (q.DueBefore is { } dueBefore) cases = cases.Where(c => c.IsOpen && c.DueAt < dueBefore.UtcDateTime);
        if (q.CreatedFrom is { } from) cases = cases.Where(c => c.CreatedAt >= from.UtcDateTime);
        if (q.CreatedTo is { } to) cases = cases.Where(c => c.CreatedAt < to.UtcDateTime);
        return cases;
    }

    internal static IQueryable<CaseSummary> Project(IQueryable<Case> cases, DateTime now) => cases.Select(c => new CaseSummary(
        c.Id, c.Number, c.Version, c.Status, c.Channel, c.Subject, c.Customer.Name, c.Grade,
        CaseDetails.FlagNames(c.Flags), c.CategoryId, c.LeadDepartmentId, c.AssigneeName, c.CreatedAt, c.DueAt,
        c.IsOpen && c.DueAt < now, null));

    // Numbers start with digits in every sensible template (the date); "20261123-T" is a prefix search.
    [GeneratedRegex(@"^\d{4,}(-[A-Za-z0-9-]*)?$")]
    private static partial Regex NumberPrefix();

    /// <summary>Keyset position: the sort it belongs to, the sort key of the last row, and its id.</summary>
    private sealed record Cursor(string Sort, long Key, long Id)
    {
        public override string ToString() =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Sort}|{Key}|{Id}")))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Cursor? Parse(string text, string sort)
        {
            try
            {
                var b64 = text.Replace('-', '+').Replace('_', '/');
                b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('|');
                return parts.Length == 3 && parts[0] == sort
                       && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var key)
                       && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var id)
                    ? new Cursor(sort, key, id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
