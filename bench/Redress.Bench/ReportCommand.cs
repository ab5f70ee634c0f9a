using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Redress.Bench.Load;
using Redress.Bench.Seeding;

namespace Redress.Bench;

/// <summary>
/// <c>report</c>: one table with every figure of a run beside its target, the limit probe's figure from the
/// same run and the ratio between the two. Targets are stated for 1,000,000 cases; smaller runs say so.
/// </summary>
internal static partial class ReportCommand
{
    private const int TargetCases = 1_000_000;
    private static readonly string[] Header = ["measurement", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "errors", "target", ""];

    public static async Task<int> RunAsync(Args args)
    {
        var results = JsonSerializer.Deserialize<LoadResults>(await File.ReadAllTextAsync(args.Require("results")), SeedInfo.Json)!;
        var probe = args.Get("probe-output") is { } path && File.Exists(path) ? ParseWrk(await File.ReadAllTextAsync(path)) : null;
        var seed = results.Seed;
        var postgres = seed.Provider == "postgres";
        var targets = new Targets(postgres ? 1_200 : 3_000, postgres ? null : 50, 20, 100, 500, postgres ? 2 : 2.5);

        var o = new StringBuilder();
        o.AppendLine();
        o.AppendLine(Invariant($"Redress benchmark: {seed.Provider}, {seed.Cases:N0} seeded cases, {results.DurationSeconds} s per measurement, {results.Cores} cores, {results.At:yyyy-MM-dd HH:mm} UTC"));
        if (args.Get("command") is { } command) o.AppendLine("command: " + command);
        if (seed.Cases < TargetCases) o.AppendLine(Invariant($"(targets are for {TargetCases:N0} cases: this smaller run checks that the benchmark works, not that they are met)"));
        o.AppendLine();
        o.AppendLine(Invariant($"seeding: {seed.Cases:N0} cases in {seed.Seconds:F1} s = {seed.CasesPerSecond:N0} cases/s (rows {seed.RowSeconds:F1} s, indexes {seed.IndexSeconds:F1} s); {seed.OpenShare:P1} open, {seed.AftersalesOpen:N0} open in AFTERSALES{(seed.RealText ? "; real review text mixed in" : "")}"));
        o.AppendLine();
        var table = new List<string[]> { Header };
        foreach (var m in results.Measurements)
        {
            var (target, met) = Judge(m, targets);
            var name = results.Hits.TryGetValue(m.Scenario, out var hits) ? $"{m.Scenario} [{hits} on page 1]" : m.Scenario;
            table.Add([name, Num(m.Clients), Num(m.PerSecond), Ms(m.P50), Ms(m.P95), Ms(m.P99), Ms(m.ServerCpuMsPerRequest), Num(m.Errors), target, met]);
        }
        double? ratio = null;
        if (results.WrkCreate is { } wrk)
        {
            var met = wrk.PerSecond >= targets.CreatePerSecond && (targets.CreateP99Ms is null || wrk.P99 <= targets.CreateP99Ms);
            table.Add(["create, wrk -t2 -c8 (as the probe)", "8", Num(wrk.PerSecond), Ms(wrk.P50), Ms(wrk.P95), Ms(wrk.P99), "", Num(wrk.Non2xx + wrk.SocketErrors), CreateTarget(targets), Verdict(met)]);
            if (probe is not null) ratio = wrk.PerSecond / probe.PerSecond;
        }
        if (probe is not null)
            table.Add(["limit probe, wrk -t2 -c8", "8", Num(probe.PerSecond), Ms(probe.P50), "", Ms(probe.P99), "", "", "", ""]);
        if (ratio is { } r)
            table.Add(["create ÷ probe (same generator)", "", r.ToString("F2", CultureInfo.InvariantCulture), "", "", "", "", "", Invariant($"≥ {1 / targets.ProbeFactor:F2} (within {targets.ProbeFactor}×)"), Verdict(r >= 1 / targets.ProbeFactor)]);
        table.Add(["server peak RSS (VmHWM)", "", Invariant($"{results.PeakRssMb:N0} MB"), "", "", "", "", "", $"≤ {targets.RssMb} MB", Verdict(results.PeakRssMb <= targets.RssMb)]);
        Print(o, table);
        o.AppendLine();
        o.AppendLine("CPU ms/req is the server's own CPU time per request (from /proc): steadier than req/s when the machine is shared.");
        Console.Write(o.ToString());
        if (args.Get("markdown") is { } markdown) await File.WriteAllTextAsync(markdown, o.ToString());
        return 0;
    }

    private sealed record Targets(int CreatePerSecond, int? CreateP99Ms, int QueueP95Ms, int SearchP95Ms, int RssMb, double ProbeFactor);

    private static (string Target, string Met) Judge(Measurement m, Targets t) => m.Kind switch
    {
        "create" when m.Clients == 8 => (CreateTarget(t), Verdict(m.PerSecond >= t.CreatePerSecond && (t.CreateP99Ms is null || m.P99 <= t.CreateP99Ms) && m.Errors == 0)),
        "queue" => ($"p95 ≤ {t.QueueP95Ms} ms", Verdict(m.P95 <= t.QueueP95Ms && m.Errors == 0)),
        "search" => ($"p95 ≤ {t.SearchP95Ms} ms", Verdict(m.P95 <= t.SearchP95Ms && m.Errors == 0)),
        _ => ("", m.Errors == 0 ? "" : "ERRORS"),
    };

    private static string CreateTarget(Targets t) =>
        Invariant($"≥ {t.CreatePerSecond:N0}/s") + (t.CreateP99Ms is { } p99 ? $", p99 ≤ {p99} ms" : "");

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private sealed record ProbeResult(double PerSecond, double P50, double P99);

    /// <summary>The probe's run.sh prints wrk's standard report: "Requests/sec: 7760.12" and a latency distribution.</summary>
    private static ProbeResult? ParseWrk(string output)
    {
        var rps = RequestsPerSecond().Match(output);
        if (!rps.Success) return null;
        return new ProbeResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), LatencyAt(output, "50%"), LatencyAt(output, "99%"));
    }

    private static double LatencyAt(string output, string percentile)
    {
        var m = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    private static void Print(StringBuilder o, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                var pad = new string(' ', widths[c] - Width(row[c]));
                // Names and targets read left to right; figures line up on the right.
                line.Append(c is 0 or 8 or 9 ? row[c] + pad : pad + row[c]).Append("  ");
            }
            o.AppendLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>Terminal columns: CJK characters take two.</summary>
    private static int Width(string s) => s.Sum(ch => ch is >= '\u2E80' and <= '\u9FFF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1);

    private static string Num(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string Ms(double v) => double.IsNaN(v) ? "" : v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
