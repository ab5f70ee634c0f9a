using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// <c>seed</c>: fills a database the server has just migrated and demo-seeded (with Seed:DemoCases=0) with N
/// cases over the last two years. Text and search tokens are made on every core but one; one writer loads
/// them in id order.
/// </summary>
internal static class SeedCommand
{
    private const int BatchSize = 2_000;
    private const int Days = 730;

    public static async Task<int> RunAsync(Args args)
    {
        var provider = args.Get("provider") ?? "sqlite";
        var count = args.Int("cases", 1_000_000);
        var seed = args.Int("seed", 20261123);
        var infoPath = args.Require("info");
        await using ICaseLoader loader = provider switch
        {
            "sqlite" => new SqliteLoader(args.Require("database")),
            "postgres" => new PostgresLoader(args.Require("connection")),
            _ => throw new ArgumentException($"unknown provider '{provider}'"),
        };
        var ct = CancellationToken.None;
        var clock = Stopwatch.StartNew();
        var reference = await loader.ReadReferenceAsync(ct);
        if (reference.LastCaseId > 0) throw new ArgumentException("the database already has cases: seed a freshly migrated one");
        if (!reference.Users.ContainsKey("agent")) throw new ArgumentException("the demo users are missing: start the server once with Seed:Demo=true");

        var realText = RealText.Load(args.Get("text-dir"));
        var plan = new SeedPlan(count, DateTime.UtcNow, Days, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), new CaseNumberFormat(CaseNumberFormat.Default), seed);
        var generator = new CaseGenerator(plan, reference, realText);
        Console.WriteLine(Invariant($"seeding {count:N0} cases into {provider} ({realText.Count:N0} real review texts to mix in; plan {clock.Elapsed.TotalSeconds:F1} s)"));

        await loader.BeginAsync(ct);
        var loadClock = Stopwatch.StartNew();
        var stats = new Stats(reference.Departments["AFTERSALES"]);
        var batches = (count + BatchSize - 1) / BatchSize;
        var pending = new Queue<Task<SeedCase[]>>();
        var next = 0;
        var ahead = Math.Max(2, Environment.ProcessorCount);
        var lastReport = 0;
        while (next < batches || pending.Count > 0)
        {
            while (next < batches && pending.Count < ahead)
            {
                var b = next++;
                pending.Enqueue(Task.Run(() => Generate(generator, b, count, seed)));
            }
            var batch = await pending.Dequeue();
            await loader.WriteAsync(batch, ct);
            stats.Add(batch);
            if (stats.Cases - lastReport >= Math.Max(count / 10, BatchSize) || stats.Cases == count)
            {
                lastReport = stats.Cases;
                Console.WriteLine(Invariant($"  {stats.Cases,12:N0} cases  {stats.Cases / loadClock.Elapsed.TotalSeconds,9:N0} cases/s"));
            }
        }
        var loadSeconds = loadClock.Elapsed.TotalSeconds;
        var indexClock = Stopwatch.StartNew();
        await loader.FinishAsync(plan.Counters, ct);
        var total = clock.Elapsed.TotalSeconds;
        var info = new SeedInfo(provider, count, total, loadSeconds, indexClock.Elapsed.TotalSeconds, count / total,
            stats.Open / (double)Math.Max(1, count), stats.AftersalesOpen, reference.Departments["AFTERSALES"],
            plan.LocalDate(count / 2).ToString("yyyyMMdd", CultureInfo.InvariantCulture), realText.Count > 0);
        Console.WriteLine(Invariant($"seeded {count:N0} cases in {total:F1} s: {info.CasesPerSecond:N0} cases/s (rows {loadSeconds:F1} s, indexes {info.IndexSeconds:F1} s); {info.OpenShare:P1} open, {stats.AftersalesOpen:N0} open in AFTERSALES"));
        await File.WriteAllTextAsync(infoPath, JsonSerializer.Serialize(info, SeedInfo.Json), ct);
        return 0;
    }

    private static SeedCase[] Generate(CaseGenerator generator, int batch, int count, int seed)
    {
        // One generator state per batch: the same seed gives the same cases however the batches are scheduled.
        var random = new Random(unchecked(seed * 1_000_003 + batch));
        var first = batch * BatchSize;
        var cases = new SeedCase[Math.Min(BatchSize, count - first)];
        for (var k = 0; k < cases.Length; k++) cases[k] = generator.Generate(first + k, random);
        return cases;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class Stats(int aftersales)
    {
        public int Cases { get; private set; }
        public int Open { get; private set; }
        public int AftersalesOpen { get; private set; }

        public void Add(SeedCase[] batch)
        {
            Cases += batch.Length;
            foreach (var c in batch)
            {
                if (!c.IsOpen) continue;
                Open++;
                if (c.LeadDepartmentId == aftersales) AftersalesOpen++;
            }
        }
    }
}

/// <summary>What <c>seed</c> tells <c>load</c> and the report.</summary>
internal sealed record SeedInfo(
    string Provider, int Cases, double Seconds, double RowSeconds, double IndexSeconds, double CasesPerSecond,
    double OpenShare, int AftersalesOpen, int AftersalesDepartmentId, string SampleDay, bool RealText)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
