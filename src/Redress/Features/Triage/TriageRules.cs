using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Triage;

namespace Redress.Features.Triage;

/// <summary>
/// The active triage rules compiled into a <see cref="RuleBook"/>, read by every registration and changed
/// rarely: held in memory like <see cref="Sla.SlaSettings"/>, compiled again after an administrator's change here
/// or within <see cref="MaxAge"/> when it came through another instance. No restart needed.
/// </summary>
public sealed class TriageRules(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private (RuleBook Book, string Stamp, DateTimeOffset LoadedAt)? _current;

    public async ValueTask<RuleBook> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } current && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current.Book;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rules = await db.TriageRules.AsNoTracking().Where(r => r.Active).ToListAsync(ct);
        // Unchanged rules keep their book: compiling costs milliseconds, and the patterns' automata, built as they
        // meet texts, would start over.
        var stamp = string.Join(',', rules.OrderBy(r => r.Id).Select(r => $"{r.Id}.{r.Version}"));
        var book = _current is { } old && old.Stamp == stamp ? old.Book : RuleBook.Compile(rules);
        _current = (book, stamp, clock.GetUtcNow());
        return book;
    }

    /// <summary>After a change here: the next read loads the rules again (and compiles them, as their versions moved).</summary>
    public void Invalidate() => _current = _current is { } c ? c with { LoadedAt = DateTimeOffset.MinValue } : null;

    /// <summary>The default rules (<see cref="DefaultTriageRules"/>), once: an installation with rules keeps its own.</summary>
    public static async Task SeedAsync(RedressDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.TriageRules.AnyAsync(ct)) return;
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        db.TriageRules.AddRange(DefaultTriageRules.Rules(categories, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }
}
