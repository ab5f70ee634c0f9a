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
/// seeded database, the server stopped: for the customers of randomly drawn cases of the last 30 days, as if each filed
/// again now, the server's own look-up of their recent cases through the contact indexes and the judgment of each
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
        // Today's complaints: customers of random cases of the last 30 days file again now (the end of the seeded data),
        // so each has at least one case in the window, as a repeat complainant does.
        var now = (await db.Cases.MaxAsync(c => c.CreatedAt)).AddMinutes(1);
        var recent = await db.Cases.Where(c => c.CreatedAt >= now - detection.Window).Select(c => c.Id).ToListAsync();
        var random = new Random(7);
        var ids = Enumerable.Range(0, samples).Select(_ => recent[random.Next(recent.Count)]).ToHashSet();
        var probes = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Customer.PhoneKey, c.Customer.EmailKey, c.Customer.CustomerId, c.Product, c.Subject, c.Description }).ToListAsync())
            .Select(c => new Probe(new Customer { Phone = c.PhoneKey, Email = c.EmailKey, CustomerId = c.CustomerId },
                new NewComplaint(c.Subject, c.Description, c.Product), now))
            .ToList();
        await db.Database.OpenConnectionAsync();
        foreach (var p in probes.Take(50)) detection.Judge(p.Complaint, await FindRepeats.EarlierAsync(db, p.Customer, p.At - detection.Window, detection.MaxEarlier, CancellationToken.None), p.At);

        var (times, reads, judging) = (new List<double>(probes.Count), new List<double>(probes.Count), new List<double>(probes.Count));
        var (earlier, links) = (0, new Dictionary<CaseLinkKind, int>());
        var clock = new Stopwatch();
        // The process's own CPU time (SQLite runs in it): steadier than the wall clock when the machine is shared.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var p in probes)
        {
            clock.Restart();
            var found = await FindRepeats.EarlierAsync(db, p.Customer, p.At - detection.Window, detection.MaxEarlier, CancellationToken.None);
            var read = clock.Elapsed.TotalMilliseconds;
            var judged = detection.Judge(p.Complaint, found, p.At);
            times.Add(clock.Elapsed.TotalMilliseconds);
            reads.Add(read);
            judging.Add(times[^1] - read);
            earlier += found.Count;
            foreach (var l in judged) links[l.Kind] = links.GetValueOrDefault(l.Kind) + 1;
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / probes.Count;
        string Percentiles(List<double> xs)
        {
            xs.Sort();
            double At(double q) => xs[Math.Min(xs.Count - 1, (int)Math.Ceiling(q * xs.Count) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms, max {xs[^1]:F3} ms");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Repeat and duplicate check on {total:N0} cases ({db.Database.ProviderName}), {times.Count:N0} customers of random cases of the last 30 days filing again: " +
            $"{earlier:N0} earlier cases read ({(double)earlier / times.Count:F1} each), links {string.Join(", ", links.Select(kv => $"{kv.Key} {kv.Value:N0}"))}"));
        Console.WriteLine("  check (read + judge): " + Percentiles(times) + string.Create(CultureInfo.InvariantCulture, $"; CPU {cpuMs:F3} ms per check on average"));
        Console.WriteLine("  read of the earlier cases: " + Percentiles(reads));
        Console.WriteLine("  judgment (text similarity, order, product): " + Percentiles(judging));
        // SQLite's plan: a seek at the end of the CreatedAt index, then a range of each key's index.
        if (db.IsSqlite) await QueryPlan.PrintAsync(db.Database.GetDbConnection(), FindRepeats.EarlierSql, DateTime.UtcNow.AddDays(-30), "13800138000", "someone@example.cn", null, 10);
        return 0;
    }

}
