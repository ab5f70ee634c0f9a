using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Redress.Data;
using Redress.Domain.Incidents;
using Redress.Features.Incidents;
using Redress.Features.Notifications;

namespace Redress.Bench.Incidents;

/// <summary>
/// <c>group</c>: the group-complaint check registration runs on create (issue 5 part 6: ≤ 10 ms p95 at 1,000,000
/// cases). Gives every seeded case its group keys (as registration would have), then replays <c>--samples</c>
/// randomly drawn cases (so products come as often as the seed has them) as if each were being registered now,
/// a second after the newest case: in a transaction of its own, its key rows are taken out (not timed), the
/// server's own <see cref="DetectGroupComplaint"/> is timed, and the transaction is rolled back, so every sample
/// sees the same database. Runs in-process with the server stopped.
/// </summary>
internal static class GroupCheckCommand
{
    public static async Task<int> RunAsync(Args args)
    {
        var provider = args.Get("provider") ?? "sqlite";
        var samples = args.Int("samples", 2_000);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration["Storage:Provider"] = provider;
        if (args.Get("data-dir") is { } dir) builder.Configuration["Storage:DataDirectory"] = dir;
        if (args.Get("connection") is { } cs) builder.Configuration["ConnectionStrings:Redress"] = cs;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRedressData();
        builder.Services.AddLocalization();
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddIncidents(builder.Configuration);
        await using var app = builder.Build();
        var dbs = app.Services.GetRequiredService<IDbContextFactory<RedressDb>>();
        var check = app.Services.GetRequiredService<DetectGroupComplaint>();

        var loadBefore = LoadAverage();
        var setup = Stopwatch.StartNew();
        var (cases, keys) = await GiveKeysAsync(dbs);
        var setupSeconds = setup.Elapsed.TotalSeconds;
        List<long> ids;
        DateTime now;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var maxId = await db.Cases.MaxAsync(c => c.Id);
            now = (await db.Cases.MaxAsync(c => c.CreatedAt)).AddSeconds(1);
            var random = new Random(11);
            ids = [.. Enumerable.Range(0, samples + 50).Select(_ => random.NextInt64(1, maxId + 1))];
        }
        var times = new List<double>(samples);
        var opened = 0;
        var clock = new Stopwatch();
        for (var i = 0; i < ids.Count; i++)
        {
            await using var db = await dbs.CreateDbContextAsync();
            if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ids[i]) is not { } kase) continue;
            // On a reused database a case the load run registered may be in an incident already: a case joins one once.
            if (await db.IncidentCases.AnyAsync(c => c.CaseId == kase.Id)) continue;
            await using var tx = await db.BeginWriteAsync(CancellationToken.None);
            await db.CaseGroupKeys.Where(k => k.CaseId == kase.Id).ExecuteDeleteAsync();
            clock.Restart();
            // Both parts as registration runs them (the stored case's row is not rewritten for the flag here).
            await check.AfterInsertAsync(db, kase, await check.BeforeInsertAsync(db, kase, now, CancellationToken.None), now, CancellationToken.None);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (kase.Timeline.Any(t => t.Event == Domain.Cases.TimelineEvent.IncidentJoined)) opened++;
            await tx.RollbackAsync();
            // The first 50 warm the JIT and the connection pool, as a running server's would be.
            if (i >= 50) times.Add(ms);
        }
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        var busiest = await BusiestWindowAsync(dbs);
        var lines = new[]
        {
            Invariant($"group check on create, {cases:N0} cases ({keys:N0} group keys, given in {setupSeconds:F1} s; the busiest key has {busiest:N0} cases in one 24 h window), {times.Count:N0} replayed cases ({opened:N0} joined or opened an incident): p50 {At(0.5):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms, max {times[^1]:F3} ms (target p95 <= 10 ms)"),
            Invariant($"  the machine's 1-minute load average: {loadBefore} before, {LoadAverage()} after (2 cores; above 2 the figures include waiting for a core)"),
        };
        foreach (var line in lines) Console.WriteLine(line);
        if (args.Get("out") is { } outPath) await File.WriteAllLinesAsync(outPath, lines);
        return 0;
    }

    /// <summary>Each case's keys, computed by the server's own <see cref="GroupKeys"/>, in batches; skipped when present.</summary>
    private static async Task<(int Cases, int Keys)> GiveKeysAsync(IDbContextFactory<RedressDb> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var cases = await db.Cases.CountAsync();
        if (await db.CaseGroupKeys.AnyAsync()) return (cases, await db.CaseGroupKeys.CountAsync());
        var keys = 0;
        long after = 0;
        while (true)
        {
            var page = await db.Cases.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(5_000)
                .Select(c => new { c.Id, c.CreatedAt, c.Product, c.Customer }).ToListAsync();
            if (page.Count == 0) break;
            foreach (var c in page)
            {
                var customer = GroupKeys.CustomerOf(c.Customer);
                foreach (var key in GroupKeys.For(c.Product))
                {
                    db.CaseGroupKeys.Add(new CaseGroupKey { Key = key.Value, CaseId = c.Id, CustomerKey = customer, CreatedAt = c.CreatedAt });
                    keys++;
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            after = page[^1].Id;
        }
        return (cases, keys);
    }

    /// <summary>How dense the data is: the most cases one key has in one of the last 30 days' 24 h windows.</summary>
    private static async Task<int> BusiestWindowAsync(IDbContextFactory<RedressDb> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var newest = await db.Cases.MaxAsync(c => c.CreatedAt);
        var best = 0;
        for (var d = 0; d < 30; d++)
        {
            var to = newest.AddDays(-d).AddSeconds(1);
            var from = to.AddDays(-1);
            var top = await db.CaseGroupKeys.Where(k => k.CreatedAt >= from && k.CreatedAt < to).GroupBy(k => k.Key)
                .Select(g => g.Count()).OrderByDescending(n => n).FirstOrDefaultAsync();
            best = Math.Max(best, top);
        }
        return best;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
