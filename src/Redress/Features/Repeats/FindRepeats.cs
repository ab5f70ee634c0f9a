using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.Features.Repeats;

/// <summary>
/// Registration's repeat and duplicate check (R-CL-4, issue 5 part 5): the customer's own recent cases, found through
/// the contact indexes, judged by <see cref="RepeatDetection"/>. It is judged inside the write transaction, before the
/// case is stored: on SQLite, where writers take turns (and a group commit runs its units one after another), it then
/// sees every case registered before this one, including a duplicate sent a moment earlier through another channel.
/// On SQLite the window is read before the write (<see cref="BeforeWriteAsync"/>), so the single writer only looks
/// for the contact's cases stored since.
/// </summary>
public sealed class FindRepeats(RepeatDetection detection)
{
    /// <summary>What the check found for one new case: its links, the suggestion with the repeat flag, and how to store them.</summary>
    public sealed class Related(IReadOnlyList<LinkFinding> links, RepeatDetection detection)
    {
        public IReadOnlyList<LinkFinding> Links => links;

        /// <summary>The triage suggestion with the repeat flag; applied (flag and raised grade) when so configured.</summary>
        public TriageSuggestion AddTo(TriageSuggestion suggestion, int grade) => detection.AddTo(suggestion, links, grade);

        public Task StoreAsync(RedressDb db, long caseId, DateTime now, CancellationToken ct) => CaseLink.InsertAsync(db, caseId, links, now, ct);
    }

    /// <summary>The first case of the window: one seek at the newest end of the CreatedAt index (or none: past every id).</summary>
    private const string WindowStart = """
        COALESCE((SELECT "Id" FROM "Cases" WHERE "CreatedAt" >= @p0 ORDER BY "CreatedAt", "Id" LIMIT 1), 9223372036854775807)
        """;

    private static readonly string Columns = $"""
        "Id", "Number", "CreatedAt", "IsOpen", "Product_OrderNumber", "Product_Sku", "Product_ProductName", "Subject",
        SUBSTR("Description", 1, {RepeatDetection.ComparedLength}) AS "Description"
        """;

    private static string ByKey(string column, string parameter) => $"""
        SELECT * FROM (SELECT {Columns} FROM "Cases" WHERE "{column}" = {parameter} AND "Id" >= {WindowStart} AND "Id" > @p5 AND "Status" <> 'Merged'
            ORDER BY "Id" DESC LIMIT @p4) AS "{column}"
        """;

    /// <summary>
    /// The newest few cases of each contact key within the window and after case @p5: each part a range of one key's
    /// index (the window made an id range first, as cases are numbered as they are created), at most @p4 rows each.
    /// Never a scan.
    /// </summary>
    public static readonly string EarlierSql = string.Join("\nUNION ALL\n",
        ByKey("Customer_PhoneKey", "@p1"), ByKey("Customer_EmailKey", "@p2"), ByKey("Customer_CustomerId", "@p3"));

    /// <summary>What the check before the write found: the links to the window's cases then, and the newest case id then.</summary>
    public sealed record Seen(IReadOnlyList<LinkFinding> Links, long LastId);

    /// <summary>
    /// The window's cases, read and judged on <paramref name="db"/> before the write transaction, so that the single
    /// SQLite writer only reads and judges what was stored after. The newest id is read first: every case up to it is
    /// then visible to the window's read, and every later one is the writer's to find.
    /// </summary>
    public async Task<Seen?> BeforeWriteAsync(RedressDb db, NewCase input, DateTime now, CancellationToken ct)
    {
        if (!detection.Enabled) return null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var last = await db.ScalarAsync("""SELECT MAX("Id") FROM "Cases" """, ct) is long id ? id : 0;
            var earlier = await EarlierAsync(db, input.Customer, now - detection.Window, detection.MaxEarlier, ct);
            return new Seen(detection.Judge(new NewComplaint(input.Subject, input.Description, input.Product), earlier, now), last);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <param name="seen">What <see cref="BeforeWriteAsync"/> found; without it the whole window is read here.</param>
    public async Task<Related> ForNewCaseAsync(RedressDb db, Case kase, DateTime now, Seen? seen, CancellationToken ct)
    {
        if (!detection.Enabled) return new Related([], detection);
        // PostgreSQL runs registrations side by side: the same contact's take turns from here to their commit, so a
        // duplicate sent twice at once is found by the second.
        var (phone, email, id) = ContactKeys(kase.Customer);
        await AdvisoryLocks.TakeAsync(db, "rep", new[] { phone, email, id }.OfType<string>(), ct);
        var earlier = await EarlierAsync(db, kase.Customer, now - detection.Window, detection.MaxEarlier, ct, after: seen?.LastId ?? 0);
        var links = detection.Judge(new NewComplaint(kase.Subject, kase.Description, kase.Product), earlier, now);
        // The cases stored since the look-up are the newer ones: newest first, as Judge orders them.
        if (seen is { Links.Count: > 0 }) links = [.. links, .. seen.Links.Where(l => links.All(n => n.CaseId != l.CaseId))];
        return new Related(links, detection);
    }

    /// <summary>The contact's cases since <paramref name="since"/> (and after case <paramref name="after"/>) by the normalised keys of customer history (R-IN-6).</summary>
    public static async Task<List<EarlierCase>> EarlierAsync(RedressDb db, Customer customer, DateTime since, int perKey, CancellationToken ct, long after = 0)
    {
        var (phone, email, id) = ContactKeys(customer);
        if (phone is null && email is null && id is null) return [];
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Command(EarlierSql).Bind("@p0", since).Bind("@p1", phone).Bind("@p2", email).Bind("@p3", id)
                .Bind("@p4", perKey).Bind("@p5", after);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var found = new List<EarlierCase>();
            while (await reader.ReadAsync(ct)) found.Add(Read(reader));
            return found;
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The normalised phone, email and customer id that customer history matches on (R-IN-6).</summary>
    public static (string? Phone, string? Email, string? Id) ContactKeys(Customer customer) => (
        Customer.NormalisePhone(customer.Phone),
        string.IsNullOrWhiteSpace(customer.Email) ? null : customer.Email.Trim().ToLowerInvariant(),
        string.IsNullOrWhiteSpace(customer.CustomerId) ? null : customer.CustomerId.Trim());

    private static EarlierCase Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc), Convert.ToBoolean(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7), r.GetString(8));
}
