using System.Globalization;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// <c>redress triage evaluate --file PATH --text COLUMN --label COLUMN [--test-file PATH] [--train-share 0.8]
/// [--seed 42] [--sample N]</c> measures the classifier on any labelled CSV or JSONL file;
/// <c>redress triage train</c> retrains the organisation's models against the configured database.
/// Both run before the web host is built, so they start no server.
/// </summary>
public static class TriageCommand
{
    public const string Usage = """
        usage:
          triage evaluate --file PATH --text COLUMN --label COLUMN [--test-file PATH] [--train-share 0.8] [--seed 42] [--sample N]
                          [--char-ngrams 4] [--word-ngrams 1] [--subword-ngrams 5] [--min-count 2] [--max-features 400000]
                          [--l2 1e-3,1e-4,1e-5] [--class-weight 0.5,1] [--method maxent|nblr|both]
          triage train    [--force]   (retrains the models from confirmed cases in the configured database)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["evaluate", .. var rest] => Evaluate(Options(rest)),
                ["train", .. var rest] => await TrainCommand.RunAsync(rest),
                _ => Fail("unknown triage command"),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static int Evaluate(Dictionary<string, string> o)
    {
        string Need(string name) => o.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        var (text, label) = (Need("text"), Need("label"));
        var examples = LabelledFile.Read(Need("file"), text, label);
        var test = o.TryGetValue("test-file", out var testPath) ? LabelledFile.Read(testPath, text, label) : null;
        var shape = new GramShape(Int(o, "char-ngrams", 4), Int(o, "word-ngrams", 1), Int(o, "subword-ngrams", 5));
        var options = new TrainingOptions(shape, Int(o, "min-count", 2), Int(o, "max-features", 400_000),
            List(o, "l2", float.Parse), List(o, "class-weight", double.Parse), Seed: Int(o, "seed", 42),
            Method: o.TryGetValue("method", out var method) ? Enum.Parse<LinearMethod>(method, ignoreCase: true) : LinearMethod.MaxEnt);
        var sample = o.ContainsKey("sample") ? Int(o, "sample", 0) : (int?)null;
        var evaluation = EvaluateClassifier.Run(examples, test, Double(o, "train-share", 0.8), sample, options);
        EvaluateClassifier.Print(evaluation, Console.Out);
        return 0;
    }

    internal static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {args[i]}");
            var name = args[i][2..];
            options[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        return options;
    }

    private static int Int(Dictionary<string, string> o, string name, int fallback) =>
        o.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static double Double(Dictionary<string, string> o, string name, double fallback) =>
        o.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static T[]? List<T>(Dictionary<string, string> o, string name, Func<string, IFormatProvider, T> parse) =>
        o.TryGetValue(name, out var v) ? v.Split(',').Select(s => parse(s.Trim(), CultureInfo.InvariantCulture)).ToArray() : null;
}
