using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Features.Triage;

namespace Redress.Bench.Triage;

/// <summary>
/// <c>triage --database FILE</c>: the one part of the suggestion that reads the database, R-CL-6's count of a
/// contact's recent complaints, on a seeded SQLite file (read-only): the server's own query for the contacts
/// of randomly drawn cases, and SQLite's plan for it.
/// </summary>
internal static class ContactCountBench
{
    public static async Task RunAsync(string file, int samples)
    {
        var options = new DbContextOptionsBuilder<SqliteRedressDb>().UseSqlite($"Data Source={file};Mode=ReadOnly").Options;
        await using var db = new SqliteRedressDb(options);
        var total = await db.Cases.CountAsync();
        var maxId = await db.Cases.MaxAsync(c => c.Id);
        var random = new Random(7);
        var ids = Enumerable.Range(0, samples).Select(_ => (long)random.Next(1, (int)maxId + 1)).ToHashSet();
        var contacts = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new Customer { Phone = c.Customer.PhoneKey, Email = c.Customer.EmailKey, CustomerId = c.Customer.CustomerId }).ToListAsync();
        var since = DateTime.UtcNow.AddHours(-24);
        foreach (var c in contacts.Take(50)) await SuggestTriage.CountRecentAsync(db, c, since, CancellationToken.None);

        var times = new List<double>(contacts.Count);
        var clock = new Stopwatch();
        foreach (var c in contacts)
        {
            clock.Restart();
            await SuggestTriage.CountRecentAsync(db, c, since, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        var busiest = await db.Cases.Where(c => c.Customer.PhoneKey != null).GroupBy(c => c.Customer.PhoneKey).Select(g => g.Count()).OrderByDescending(n => n).FirstAsync();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Contact count on {total:N0} cases (the busiest phone has {busiest:N0}), {times.Count:N0} contacts of random cases: p50 {At(0.5):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms, max {times[^1]:F3} ms"));
        await PlanAsync(db);
    }

    /// <summary>SQLite's plan for the count: a seek at the end of the CreatedAt index, then ranges of the key indexes.</summary>
    private static async Task PlanAsync(SqliteRedressDb db)
    {
        await db.Database.OpenConnectionAsync();
        await QueryPlan.PrintAsync(db.Database.GetDbConnection(), SuggestTriage.RecentCountSql, DateTime.UtcNow.AddHours(-24), "13800138000", "someone@example.cn", null);
    }
}
