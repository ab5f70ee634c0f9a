using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Reference;

namespace Redress.Features.Cases;

/// <param name="Query">The queue page's query string, with or without the leading "?".</param>
public sealed record SaveViewInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(1000)] string? Query);

/// <param name="Count">Cases the view finds now; null for a search, which is not counted (see <see cref="SavedViews"/>).</param>
public sealed record SavedViewItem(long Id, string Name, string Query, int? Count);

/// <summary>
/// A user's own saved queue filters, listed under the queues with their counts. Nobody sees another user's
/// views: every read and delete is by the signed-in user's id.
/// </summary>
public sealed class SavedViews(IDbContextFactory<RedressDb> dbs, ListCases list, ReferenceData reference, TimeProvider clock)
{
    public const int MaxPerUser = 50;

    public async Task<List<SavedViewItem>> ListAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var views = await db.SavedViews.AsNoTracking().Where(v => v.UserId == actor.UserId).OrderBy(v => v.Name).ToListAsync(ct);
        var counts = await CountAsync([.. views.Select(v => v.Query)], actor, ct);
        return [.. views.Select((v, i) => new SavedViewItem(v.Id, v.Name, v.Query, counts[i]))];
    }

    /// <summary>
    /// What each view finds now, as the queue page would count it. A search is not counted: that would walk
    /// every full-text match, where the queues' counts are index range counts.
    /// </summary>
    private async Task<int?[]> CountAsync(IReadOnlyList<string> queries, Actor actor, CancellationToken ct)
    {
        var queues = Queues.For(actor, clock.GetUtcNow().UtcDateTime);
        var refs = await reference.GetAsync(ct);
        var filters = queries.Select(QueueFilters.Parse).ToList();
        var counted = Enumerable.Range(0, filters.Count).Where(i => !filters[i].IsSearch).ToList();
        var counts = await list.CountAsync([.. counted.Select(i => filters[i].ToQuery(queues, refs))], actor, ct);
        var result = new int?[filters.Count];
        for (var n = 0; n < counted.Count; n++) result[counted[n]] = counts[n];
        return result;
    }

    public async Task<Result<SavedViewItem>> SaveAsync(SaveViewInput input, Actor actor, CancellationToken ct)
    {
        var name = input.Name.Trim();
        var query = QueueFilters.Parse(input.Query).ToQueryString();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.SavedViews.Where(v => v.UserId == actor.UserId);
        if (await mine.AnyAsync(v => v.Name == name, ct)) return Error.Invalid("duplicate_name", $"You already have a view named {name}.", "name");
        if (await mine.CountAsync(ct) >= MaxPerUser) return Error.Invalid("too_many_views", $"At most {MaxPerUser} saved views; delete one first.", "name");
        var view = new SavedView { UserId = actor.UserId, Name = name, Query = query, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(ct);
        return new SavedViewItem(view.Id, view.Name, view.Query, (await CountAsync([query], actor, ct))[0]);
    }

    public async Task<Result> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Another user's view answers as if it did not exist.
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && v.UserId == actor.UserId, ct);
        if (view is null) return Error.NotFound("Saved view");
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
