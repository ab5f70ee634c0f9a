using Redress.Features.Triage.Learning;

namespace Redress.UnitTests.Triage;

public sealed class TextVectorizerTests
{
    private static readonly Lazy<List<LabelledText>> Set = new(() =>
        LabelledFile.Read(Path.Combine(AppContext.BaseDirectory, "Triage", "complaints.csv"), "text", "category"));

    [Fact]
    public void Vectorize_CountsEveryGramOfTheVocabulary_AsAStringDictionaryWould()
    {
        var texts = Set.Value.Select(t => t.Text).ToList();
        var vectorizer = TextVectorizer.Learn(texts, new GramShape(), minCount: 2, maxFeatures: 50_000);
        var index = vectorizer.Grams.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);

        foreach (var text in texts.Append("完全没见过的字眼 zzqx 12345 ｆｕｌｌ－ｗｉｄｔｈ"))
        {
            var x = vectorizer.Vectorize(text);
            var counts = TextGrams.All(text, vectorizer.Shape).Where(index.ContainsKey).GroupBy(g => index[g]).OrderBy(g => g.Key).ToList();
            var expected = counts.Select(g => (1 + Math.Log(g.Count())) * vectorizer.Idf[g.Key]).ToList();
            var norm = Math.Sqrt(expected.Sum(v => v * v));

            Assert.Equal(counts.Select(g => g.Key), x.Indices);
            Assert.Equal(expected.Select(v => v / norm), x.Values.Select(v => (double)v), new Tolerance(1e-6));
        }
    }

    [Fact]
    public void Vectorize_FindsOnlyTheVocabularysGrams()
    {
        var vectorizer = new TextVectorizer(new GramShape(), ["退款", "refund"], [1f, 1f]);

        Assert.Empty(vectorizer.Vectorize("快递").Indices);
        Assert.Equal([0], vectorizer.Vectorize("退款").Indices);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= epsilon;
        public int GetHashCode(double v) => 0;
    }
}
