using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

namespace Redress.Features.Triage.Learning;

/// <summary>What <c>triage evaluate</c> measured.</summary>
public sealed record Evaluation(int Examples, int TrainCount, int TestCount, TrainedClassifier Trained, ClassificationMetrics Metrics,
    double LatencyP50Ms, double LatencyP95Ms);

/// <summary>
/// Trains on one part of a labelled set and measures on the other: the second file when there is one, or
/// else a stratified, seeded <c>1 − trainShare</c> of the first. Everything the trainer chooses, it chooses
/// inside the training part (<see cref="TrainTextClassifier"/>), so the figures are for unseen text.
/// </summary>
public static class EvaluateClassifier
{
    public static Evaluation Run(IReadOnlyList<LabelledText> examples, IReadOnlyList<LabelledText>? testFile, double trainShare, int? sample,
        TrainingOptions options)
    {
        var all = sample is { } n ? LabelledSplit.Sample(examples, n, options.Seed) : examples.ToList();
        var (train, test) = testFile is null
            ? LabelledSplit.Stratified(all, 1 - trainShare, options.Seed)
            : (all, testFile.ToList());
        var trained = TrainTextClassifier.Train(train, options);
        var predicted = test.Select(t => trained.Model.PredictLabel(t.Text)).ToList();
        var metrics = new ClassificationMetrics(test.Select(t => t.Label).ToList(), predicted);
        var (p50, p95) = Latency(trained.Model, test);
        return new Evaluation(all.Count, train.Count, test.Count, trained, metrics, p50, p95);
    }

    // The full prediction the product makes (probabilities and the weighing n-grams), one text at a time on one
    // thread, after a warm-up, over up to 2,000 of the test texts. Each text is timed three times and its fastest
    // run counts: on a shared machine the slowest runs measure the neighbours' load, not this code.
    private static (double P50, double P95) Latency(TextClassifier model, List<LabelledText> test)
    {
        var texts = test.Take(2_000).Select(t => t.Text).ToList();
        if (texts.Count == 0) return (0, 0);
        foreach (var t in texts.Take(50)) model.Predict(t);
        var times = texts.Select(t => Enumerable.Range(0, 3).Min(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            model.Predict(t);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        })).Order().ToList();
        return (times[(int)(0.50 * (times.Count - 1))], times[(int)(0.95 * (times.Count - 1))]);
    }

    public static void Print(Evaluation e, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = e.Metrics;
        o.WriteLine(Invariant($"examples {e.Examples}: train {e.TrainCount}, test {e.TestCount}; labels {e.Trained.Model.Labels.Count}; features {e.Trained.Model.Vectorizer.Grams.Count}"));
        o.WriteLine(Invariant($"chosen on the validation split: L2 {e.Trained.L2:G3}, class weight power {e.Trained.ClassWeightPower:0.##} (score {e.Trained.ValidationScore:0.000})"));
        o.WriteLine(Invariant($"training {e.Trained.Took.TotalSeconds:0.0} s (CPU {e.Trained.Cpu.TotalSeconds:0.0} s); prediction p50 {e.LatencyP50Ms:0.000} ms, p95 {e.LatencyP95Ms:0.000} ms"));
        o.WriteLine(Invariant($"accuracy {m.Accuracy:0.000}  macro-F1 {m.MacroF1:0.000}"));
        o.WriteLine();
        var width = Math.Min(40, m.Labels.Max(l => l.Length));
        o.WriteLine($"{"class".PadRight(width)}  support  precision  recall     F1");
        foreach (var c in m.Classes)
            o.WriteLine(Invariant($"{Clip(c.Label, width).PadRight(width)}  {c.Support,7}  {c.Precision,9:0.000}  {c.Recall,6:0.000}  {c.F1,5:0.000}"));
        o.WriteLine();
        o.WriteLine("confusion (rows: truth, columns: predicted, in the order above)");
        for (var i = 0; i < m.Labels.Count; i++)
            o.WriteLine($"{Clip(m.Labels[i], width).PadRight(width)}  {string.Join(' ', m.Confusion[i].Select(v => v.ToString(inv).PadLeft(5)))}");
    }

    private static string Clip(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
