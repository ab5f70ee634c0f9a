using Microsoft.ML;
using Example = Redress.Features.Triage.Learning.LinearFits.Example;

namespace Redress.Features.Triage.Learning;

/// <summary>How a classifier is trained. The defaults are what docs/adr/0009 chose by cross-validation.</summary>
/// <param name="L2">Candidate L2 regularisation strengths; more than one means choosing on a validation split.</param>
/// <param name="ClassWeightPowers">Candidate class weightings: each example weighs (n / (k × n_class))^power, so 0
/// is none and 1 is "balanced"; a middle value lifts rare classes without giving up much accuracy.</param>
/// <param name="ValidationShare">The share of the training texts held out to choose among the candidates. The
/// test part of an evaluation is never seen here.</param>
public sealed record TrainingOptions(
    GramShape Shape,
    int MinCount = 2,
    int MaxFeatures = 400_000,
    float[]? L2 = null,
    double[]? ClassWeightPowers = null,
    double ValidationShare = 0.2,
    int Seed = 42,
    int Iterations = 30,
    LinearMethod Method = LinearMethod.MaxEnt)
{
    public float[] L2Candidates => L2 ?? [1e-3f, 1e-4f, 1e-5f];
    public double[] PowerCandidates => ClassWeightPowers ?? [0.5, 1];

    public const int ProductSeed = 42;

    /// <summary>For the organisation's own models: the evaluated defaults, with a smaller vocabulary to keep the stored model small.</summary>
    public static TrainingOptions Product { get; } = new(new GramShape(), MaxFeatures: 200_000);
}

/// <summary>The model, what was chosen for it and what choosing saw on the validation split.</summary>
/// <param name="Took">Wall-clock time.</param>
/// <param name="Cpu">Processor time of the whole process meanwhile (all threads): what the training costs when the machine is shared.</param>
public sealed record TrainedClassifier(TextClassifier Model, float L2, double ClassWeightPower, double ValidationScore, TimeSpan Took, TimeSpan Cpu);

/// <summary>
/// Trains a <see cref="TextClassifier"/>: learns the vocabulary, vectorises every text once, picks the
/// regularisation and class weighting that score best ((accuracy + macro-F1) / 2) on a stratified validation
/// split of the training texts, then trains on all of them with that choice. ML.NET's SDCA maximum-entropy
/// trainer does the optimisation; its weights are copied out so that prediction needs no ML.NET pipeline.
/// </summary>
public static class TrainTextClassifier
{
    public static TrainedClassifier Train(IReadOnlyList<LabelledText> examples, TrainingOptions options)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2) throw new ArgumentException("Training needs at least two labels.", nameof(examples));
        var vectorizer = TextVectorizer.Learn(examples.Select(e => e.Text).ToList(), options.Shape, options.MinCount, options.MaxFeatures);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var rows = examples.Select(e => new Example(vectorizer.Vectorize(e.Text), index[e.Label])).ToList();
        var ml = new MLContext(options.Seed);

        var candidates = options.L2Candidates.SelectMany(l2 => options.PowerCandidates.Select(p => (L2: l2, Power: p))).ToList();
        var (best, bestScore) = (candidates[0], double.NaN);
        if (candidates.Count > 1)
        {
            var (fit, check) = LabelledSplit.Stratified(rows, r => r.Label, options.ValidationShare, options.Seed + 1);
            foreach (var candidate in candidates)
            {
                var model = Fit(ml, fit, vectorizer, labels, options, candidate.L2, candidate.Power);
                var metrics = new ClassificationMetrics(check.Select(r => labels[r.Label]).ToList(),
                    check.Select(r => labels[TextClassifier.ArgMax(model.Scores(r.Vector))]).ToList());
                var score = (metrics.Accuracy + metrics.MacroF1) / 2;
                if (double.IsNaN(bestScore) || score > bestScore) (best, bestScore) = (candidate, score);
            }
        }
        var final = Fit(ml, rows, vectorizer, labels, options, best.L2, best.Power);
        return new TrainedClassifier(final, best.L2, best.Power, bestScore, System.Diagnostics.Stopwatch.GetElapsedTime(started),
            Environment.CpuUsage.TotalTime - cpu);
    }

    private static TextClassifier Fit(MLContext ml, List<Example> rows, TextVectorizer vectorizer, List<string> labels, TrainingOptions options, float l2, double power)
    {
        var counts = new int[labels.Count];
        foreach (var r in rows) counts[r.Label]++;
        var weights = counts.Select(n => n == 0 ? 0f : (float)Math.Pow((double)rows.Count / (labels.Count * n), power)).ToArray();
        var (w, b) = options.Method switch
        {
            LinearMethod.NbLr => LinearFits.NbLr(ml, rows, vectorizer.Grams.Count, labels.Count, weights, l2, options.Iterations),
            LinearMethod.MaxEnt => LinearFits.MaxEnt(ml, rows, vectorizer.Grams.Count, labels.Count, weights, l2, options.Iterations),
            _ => Mean(LinearFits.MaxEnt(ml, rows, vectorizer.Grams.Count, labels.Count, weights, l2, options.Iterations),
                LinearFits.NbLr(ml, rows, vectorizer.Grams.Count, labels.Count, weights, l2, options.Iterations)),
        };
        return new TextClassifier(vectorizer, labels, w, b);
    }

    private static (float[] Weights, float[] Biases) Mean((float[] Weights, float[] Biases) a, (float[] Weights, float[] Biases) b) =>
        (a.Weights.Zip(b.Weights, (x, y) => (x + y) / 2).ToArray(), a.Biases.Zip(b.Biases, (x, y) => (x + y) / 2).ToArray());
}
