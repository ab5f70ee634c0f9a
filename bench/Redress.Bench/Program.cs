using Redress.Bench.Load;
using Redress.Bench.Seeding;

namespace Redress.Bench;

/// <summary>
/// The benchmark's own tool, driven by bench/run.sh: <c>seed</c> fills a freshly migrated database with
/// realistic cases, <c>load</c> measures a running server over HTTP, <c>report</c> prints the table,
/// <c>pages</c> times the web UI's pages in headless Chromium, <c>sla</c> one scheduler pass, <c>triage</c> the
/// suggestion for a new case, <c>group</c> the group-complaint check on create, <c>routing</c> the routing step of registration,
/// <c>repeats</c> registration's repeat and duplicate check.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: Redress.Bench seed   --provider sqlite|postgres (--database FILE | --connection CS) --cases N [--text-dir DIR] --info FILE
               Redress.Bench load   --url URL --pid PID --duration S --info FILE --out FILE [--work DIR] [--only create|queue|search]
               Redress.Bench report --results FILE [--probe-output FILE] [--command TEXT]
               Redress.Bench pages  --url URL [--runs N] [--chromium PATH] [--out FILE]
               Redress.Bench sla    --provider sqlite|postgres (--data-dir DIR | --connection CS) [--due N] [--out FILE]
               Redress.Bench triage [--text-dir DIR] [--rules N] [--database SQLITE-FILE [--samples N]] [--parts DATA-DIR]
               Redress.Bench group  --provider sqlite|postgres (--data-dir DIR | --connection CS) [--samples N] [--out FILE]
               Redress.Bench routing --provider sqlite|postgres (--data-dir DIR | --connection CS) [--samples N] [--out FILE]
               Redress.Bench repeats --provider sqlite|postgres (--data-dir DIR | --connection CS) [--samples N]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var options = Args.Parse(args.Skip(1));
        try
        {
            return args[0] switch
            {
                "seed" => await SeedCommand.RunAsync(options),
                "load" => await LoadCommand.RunAsync(options),
                "report" => await ReportCommand.RunAsync(options),
                "pages" => await Pages.PageTimingsCommand.RunAsync(options),
                "sla" => await Sla.SlaPassCommand.RunAsync(options),
                "triage" => await Triage.TriageBenchCommand.RunAsync(options),
                "group" => await Incidents.GroupCheckCommand.RunAsync(options),
                "routing" => await Routing.RoutingBenchCommand.RunAsync(options),
                "repeats" => await Triage.RepeatsBenchCommand.RunAsync(options),
                _ => Fail($"unknown command '{args[0]}'"),
            };
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

/// <summary><c>--name value</c> pairs; a flag without a value reads as "true".</summary>
internal sealed class Args
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Args Parse(IEnumerable<string> args)
    {
        var parsed = new Args();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{list[i]}'");
            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._values[list[i][2..]] = hasValue ? list[++i] : "true";
        }
        return parsed;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) =>
        Get(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
