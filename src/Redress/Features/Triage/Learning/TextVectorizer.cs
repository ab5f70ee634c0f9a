using System.Runtime.InteropServices;

namespace Redress.Features.Triage.Learning;

/// <summary>A text as the model sees it: the n-grams it has, by index, with their weights (L2-normalised).</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// The vocabulary learnt from the training texts and the TF-IDF weighting of a text over it: sublinear term
/// frequency (1 + ln tf) times the smoothed inverse document frequency, scaled to unit length, so one long
/// narrative does not outweigh a short complaint and a word in every text counts for little. N-grams seen in
/// fewer than <c>minCount</c> texts are dropped (they cannot generalise), and at most <c>maxFeatures</c> of the
/// most frequent are kept, which bounds the model's size and its prediction time.
/// </summary>
public sealed class TextVectorizer
{
    private readonly GramTable _table;

    public GramShape Shape { get; }
    public IReadOnlyList<string> Grams { get; }
    public float[] Idf { get; }

    public TextVectorizer(GramShape shape, IReadOnlyList<string> grams, float[] idf)
    {
        (Shape, Grams, Idf) = (shape, grams, idf);
        _table = new GramTable(grams);
    }

    public static TextVectorizer Learn(IReadOnlyList<string> texts, GramShape shape, int minCount, int maxFeatures)
    {
        var documentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenLookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in texts)
        {
            seen.Clear();
            TextGrams.Each(text, shape, g =>
            {
                if (!seenLookup.Contains(g)) seen.Add(g.ToString());
            });
            foreach (var g in seen) documentCounts[g] = documentCounts.GetValueOrDefault(g) + 1;
        }
        var kept = documentCounts.Where(kv => kv.Value >= minCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(maxFeatures).ToList();
        var idf = kept.Select(kv => (float)(Math.Log((1.0 + texts.Count) / (1.0 + kv.Value)) + 1)).ToArray();
        return new TextVectorizer(shape, kept.Select(kv => kv.Key).ToList(), idf);
    }

    public SparseVector Vectorize(string text)
    {
        // The vocabulary indices of the text's grams, sorted so that each gram's occurrences are one run.
        var hits = new List<int>();
        TextGrams.Each(text, Shape, g =>
        {
            if (_table.IndexOf(g) is var i and >= 0) hits.Add(i);
        });
        var sorted = CollectionsMarshal.AsSpan(hits);
        sorted.Sort();
        var (indices, values) = (new List<int>(), new List<float>());
        double norm = 0;
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start]) end++;
            var v = (1 + Math.Log(end - start)) * Idf[sorted[start]];
            indices.Add(sorted[start]);
            values.Add((float)v);
            norm += v * v;
            start = end;
        }
        var weights = values.ToArray();
        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < weights.Length; k++) weights[k] *= scale;
        }
        return new SparseVector(indices.ToArray(), weights);
    }
}
