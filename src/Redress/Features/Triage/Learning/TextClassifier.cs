namespace Redress.Features.Triage.Learning;

/// <summary>A label with its probability.</summary>
public sealed record LabelScore(string Label, double Probability);

/// <summary>An n-gram of the text and how much it pushed towards the best label (for the reason agents see).</summary>
public sealed record WeighingFeature(string Feature, double Weight);

/// <summary>The labels of one text, best first, and the readable n-grams (<see cref="TextGrams.IsReadable"/>) that weighed most for the best.</summary>
public sealed record TextPrediction(IReadOnlyList<LabelScore> Labels, IReadOnlyList<WeighingFeature> Features)
{
    public LabelScore Best => Labels[0];
}

/// <summary>
/// A trained linear text classifier: multinomial logistic regression over TF-IDF n-grams. Scoring is a sparse
/// dot product over arrays that never change after construction, so one instance serves every thread at once
/// without a pool, and a short complaint takes microseconds (docs/performance.md). ML.NET trains the weights
/// (<see cref="TrainTextClassifier"/>); <see cref="ClassifierFile"/> stores them.
/// </summary>
public sealed class TextClassifier
{
    public TextVectorizer Vectorizer { get; }
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Feature-major: the weight of gram j for label k is at j * Labels.Count + k.</summary>
    internal float[] Weights { get; }
    internal float[] Biases { get; }

    public TextClassifier(TextVectorizer vectorizer, IReadOnlyList<string> labels, float[] weights, float[] biases)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, vectorizer.Grams.Count * labels.Count, nameof(weights));
        ArgumentOutOfRangeException.ThrowIfNotEqual(biases.Length, labels.Count, nameof(biases));
        (Vectorizer, Labels, Weights, Biases) = (vectorizer, labels, weights, biases);
    }

    public string PredictLabel(string text) => Labels[ArgMax(Scores(Vectorizer.Vectorize(text)))];

    public TextPrediction Predict(string text, int labels = 3, int features = 5)
    {
        var x = Vectorizer.Vectorize(text);
        var p = Softmax(Scores(x));
        var order = Enumerable.Range(0, p.Length).OrderByDescending(k => p[k]).ToList();
        return new TextPrediction([.. order.Take(labels).Select(k => new LabelScore(Labels[k], p[k]))], Weighing(x, order[0], features));
    }

    internal double[] Scores(SparseVector x)
    {
        var k = Labels.Count;
        var scores = Biases.Select(b => (double)b).ToArray();
        for (var i = 0; i < x.Indices.Length; i++)
        {
            var row = x.Indices[i] * k;
            for (var c = 0; c < k; c++) scores[c] += Weights[row + c] * x.Values[i];
        }
        return scores;
    }

    // A gram's pull towards the label is its weight there minus its mean weight over all labels: a gram that
    // raises every label alike (a common character) explains nothing. The readable grams that pull most, strongest first.
    private List<WeighingFeature> Weighing(SparseVector x, int label, int count)
    {
        var k = Labels.Count;
        var pulls = new double[x.Indices.Length];
        var grams = new int[x.Indices.Length];
        for (var i = 0; i < pulls.Length; i++)
        {
            var row = x.Indices[i] * k;
            var mean = 0.0;
            for (var c = 0; c < k; c++) mean += Weights[row + c];
            // Negated, so that the ascending sort puts the strongest first.
            pulls[i] = -(x.Values[i] * (Weights[row + label] - mean / k));
            grams[i] = x.Indices[i];
        }
        Array.Sort(pulls, grams);
        var features = new List<WeighingFeature>(count);
        for (var i = 0; i < pulls.Length && pulls[i] < 0 && features.Count < count; i++)
            if (TextGrams.IsReadable(Vectorizer.Grams[grams[i]])) features.Add(new WeighingFeature(Vectorizer.Grams[grams[i]], -pulls[i]));
        return features;
    }

    internal static int ArgMax(double[] v)
    {
        var best = 0;
        for (var i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    internal static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var e = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
