namespace Redress.Features.Triage.Learning;

/// <summary>How one class fared: of the texts predicted as it, how many were (precision); of the texts that
/// were it, how many were found (recall).</summary>
public sealed record ClassScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>
/// Accuracy, macro-F1 and the confusion matrix of predictions against the truth. Macro-F1 is the plain mean
/// of the per-class F1 over every class that occurs in the truth or in the predictions (as scikit-learn
/// computes it by default), so a small class the model never finds counts as much as the largest one:
/// that is the point of reporting it next to accuracy.
/// </summary>
public sealed class ClassificationMetrics
{
    /// <summary>Classes in order: the truth's classes by descending support, then any only predicted.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Confusion[truth][predicted] counts, indexed like <see cref="Labels"/>.</summary>
    public int[][] Confusion { get; }

    public IReadOnlyList<ClassScore> Classes { get; }
    public int Count { get; }
    public double Accuracy { get; }
    public double MacroF1 { get; }

    public ClassificationMetrics(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(predicted.Count, truth.Count, nameof(predicted));
        Labels = truth.GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).Concat(predicted.Distinct(StringComparer.Ordinal).Where(p => !truth.Contains(p)).Order(StringComparer.Ordinal))
            .ToList();
        var index = Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        Confusion = Labels.Select(_ => new int[Labels.Count]).ToArray();
        for (var i = 0; i < truth.Count; i++) Confusion[index[truth[i]]][index[predicted[i]]]++;
        Count = truth.Count;
        var correct = Enumerable.Range(0, Labels.Count).Sum(k => Confusion[k][k]);
        Accuracy = Count == 0 ? 0 : (double)correct / Count;
        Classes = Enumerable.Range(0, Labels.Count).Select(Score).ToList();
        MacroF1 = Classes.Count == 0 ? 0 : Classes.Average(c => c.F1);
    }

    private ClassScore Score(int k)
    {
        var hits = Confusion[k][k];
        var support = Confusion[k].Sum();
        var predictedAs = Confusion.Sum(row => row[k]);
        var precision = predictedAs == 0 ? 0 : (double)hits / predictedAs;
        var recall = support == 0 ? 0 : (double)hits / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassScore(Labels[k], support, precision, recall, f1);
    }
}
