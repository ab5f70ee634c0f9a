using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Reference;

namespace Redress.Features.Triage;

/// <summary>
/// The suggestion for a new case from any channel (R-CL-3): the rules, the learned classifier's guess, the
/// sentiment, and R-CL-6's count of the contact's recent complaints. Registration calls it before its write
/// transaction: the rules and the sentiment are CPU only, the count one index look-up per contact key.
/// </summary>
public sealed class SuggestTriage(IDbContextFactory<RedressDb> dbs, TriageRules rules, ReferenceData reference, LearnedGuesses learned, ContactFrequency frequency)
{
    /// <param name="db">A context to count on, when the caller has one open (no second connection); else one of its own.</param>
    public async Task<TriageSuggestion> ForNewCaseAsync(NewCase input, DateTime now, CancellationToken ct, RedressDb? db = null)
    {
        var suggestion = ForText(input.Subject, input.Description, await rules.GetAsync(ct), await reference.GetAsync(ct));
        if (db is not null) return frequency.AddTo(suggestion, await CountRecentAsync(db, input.Customer, now - frequency.Window, ct));
        await using var own = await dbs.CreateDbContextAsync(ct);
        return frequency.AddTo(suggestion, await CountRecentAsync(own, input.Customer, now - frequency.Window, ct));
    }

    /// <summary>What the rules, the model and the sentiment make of a text; nothing is read from the database.</summary>
    public TriageSuggestion ForText(string subject, string description, RuleBook book, ReferenceData.Snapshot refs)
    {
        var guesses = learned.Guess(subject + "\n" + description, refs);
        var suggestion = TriageSuggester.Suggest(TriageText.Of(subject, description), book, guesses,
            id => refs.Categories.TryGetValue(id, out var c) ? c.ParentId : null);
        return WithoutRetiredCategories(suggestion, refs);
    }

    /// <summary>A rule may still name a category an administrator has deactivated since; it is not suggested.</summary>
    private static TriageSuggestion WithoutRetiredCategories(TriageSuggestion s, ReferenceData.Snapshot refs)
    {
        bool Active(CategorySuggestion c) => refs.Categories.TryGetValue(c.CategoryId, out var category) && category.Active;
        if ((s.Category is null || Active(s.Category)) && s.Alternatives.All(Active)) return s;
        var candidates = new[] { s.Category }.Concat(s.Alternatives).OfType<CategorySuggestion>().Where(Active).ToList();
        return s with { Category = candidates.FirstOrDefault(), Alternatives = [.. candidates.Skip(1)] };
    }

    /// <summary>The first case of the window: one seek at the newest end of the CreatedAt index (or none: past every id).</summary>
    private const string WindowStart = """
        COALESCE((SELECT "Id" FROM "Cases" WHERE "CreatedAt" >= @p0 ORDER BY "CreatedAt", "Id" LIMIT 1), 9223372036854775807)
        """;

    /// <summary>
    /// The most cases of any one contact key since @p0: a phone, email or customer id that is null counts nothing.
    /// Both databases quote and plan it alike; the window's start is computed once per statement.
    /// </summary>
    public const string RecentCountSql = $"""
        SELECT MAX("n") FROM (
            SELECT COUNT(*) AS "n" FROM "Cases" WHERE "Customer_PhoneKey" = @p1 AND "Id" >= {WindowStart}
            UNION ALL SELECT COUNT(*) FROM "Cases" WHERE "Customer_EmailKey" = @p2 AND "Id" >= {WindowStart}
            UNION ALL SELECT COUNT(*) FROM "Cases" WHERE "Customer_CustomerId" = @p3 AND "Id" >= {WindowStart}) AS "counts"
        """;

    /// <summary>
    /// The contact's cases since <paramref name="since"/> (the window before this one), by the same normalised keys
    /// customer history uses (R-IN-6): the most of any one key, in one statement. The window becomes an id range
    /// first (cases are numbered as they are created), so each count is a range of one key's index, (key, id) on
    /// SQLite without reading a case row, bounded by what the contact filed in the window: never a scan.
    /// </summary>
    public static async Task<int> CountRecentAsync(RedressDb db, Customer customer, DateTime since, CancellationToken ct)
    {
        var (phone, email, id) = Repeats.FindRepeats.ContactKeys(customer);
        if (phone is null && email is null && id is null) return 0;
        return Convert.ToInt32(await db.ScalarAsync(RecentCountSql, ct, since, phone, email, id), System.Globalization.CultureInfo.InvariantCulture);
    }
}
