using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Repeats;

namespace Redress.Bench.Triage;

/// <summary>
/// <c>repeats</c>: registration's repeat and duplicate check (issue 5 parts 4-5: ≤ 10 ms p95 at 1,000,000 cases) on a
/// seeded database, the server stopped: for the customers of randomly drawn cases, as if each filed again a day after
/// that case, the server's own look-up of their recent cases through the contact indexes and the judgment of each
/// (text similarity, same order or product). Read-only; SQLite also prints its plan.
/// </summary>
internal static class RepeatsBenchCommand
{
    private sealed record Probe(Customer Customer, NewComplaint Complaint, DateTime At);

    public static async Task<int> RunAsync(Args args)
    {
        var samples = args.Int("samples", 2_000);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration["Storage:Provider"] = args.Get("provider") ?? "sqlite";
        if (args.Get("data-dir") is { } dir) builder.Configuration["Storage:DataDirectory"] = dir;
        if (args.Get("connection") is { } cs) builder.Configuration["ConnectionStrings:Redress"] = cs;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRedressData();
        await using var app = builder.Build();
        var dbs = app.Services.GetRequiredService<IDbContextFactory<RedressDb>>();
        var detection = new RepeatDetection();

        await using var db = await dbs.CreateDbContextAsync();
        var total = await db.Cases.CountAsync();
        var maxId = await db.Cases.MaxAsync(c => c.Id);
        var random = new Random(7);
        var ids = Enumerable.Range(0, samples).Select(_ => (long)random.NextInt64(1, maxId + 1)).ToHashSet();
        var probes = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Customer.PhoneKey, c.Customer.EmailKey, c.Customer.CustomerId, c.Product, c.Subject, c.Description, c.CreatedAt }).ToListAsync())
            .Select(c => new Probe(new Customer { Phone = c.PhoneKey, Email = c.EmailKey, CustomerId = c.CustomerId },
                new NewComplaint(c.Subject, c.Description, c.Product), c.CreatedAt.AddDays(1)))
            .ToList();
        await db.Database.OpenConnectionAsync();
        foreach (var p in probes.Take(50)) await CheckAsync(db, detection, p);

        var (times, earlier, links) = (new List<double>(probes.Count), 0, new Dictionary<CaseLinkKind, int>());
        var clock = new Stopwatch();
        foreach (var p in probes)
        {
            clock.Restart();
            var (found, judged) = await CheckAsync(db, detection, p);
            times.Add(clock.Elapsed.TotalMilliseconds);
            earlier += found;
            foreach (var l in judged) links[l.Kind] = links.GetValueOrDefault(l.Kind) + 1;
        }
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Repeat and duplicate check on {total:N0} cases ({db.Database.ProviderName}), {times.Count:N0} customers of random cases filing again a day later: " +
            $"{earlier:N0} earlier cases read ({(double)earlier / times.Count:F1} each), links {string.Join(", ", links.Select(kv => $"{kv.Key} {kv.Value:N0}"))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  p50 {At(0.5):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms, max {times[^1]:F3} ms"));
        // SQLite's plan: a seek at the end of the CreatedAt index, then a range of each key's index.
        if (db.IsSqlite) await QueryPlan.PrintAsync(db.Database.GetDbConnection(), FindRepeats.EarlierSql, DateTime.UtcNow.AddDays(-30), "13800138000", "someone@example.cn", null, 10);
        return 0;
    }

    private static async Task<(int Earlier, IReadOnlyList<LinkFinding> Links)> CheckAsync(RedressDb db, RepeatDetection detection, Probe p)
    {
        var earlier = await FindRepeats.EarlierAsync(db, p.Customer, p.At - detection.Window, detection.MaxEarlier, CancellationToken.None);
        return (earlier.Count, detection.Judge(p.Complaint, earlier, p.At));
    }
}
