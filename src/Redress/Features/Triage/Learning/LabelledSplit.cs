namespace Redress.Features.Triage.Learning;

/// <summary>Seeded, reproducible ways to cut a labelled set.</summary>
public static class LabelledSplit
{
    /// <summary>
    /// A stratified split: each class is shuffled with the seed and round(share × its count) of it go to the
    /// second part, so both parts keep the class mix and a rare class is not left out of training by chance.
    /// A class with a single example stays in the first part.
    /// </summary>
    public static (List<LabelledText> First, List<LabelledText> Second) Stratified(IReadOnlyList<LabelledText> examples, double secondShare, int seed) =>
        Stratified(examples, e => e.Label, secondShare, seed);

    public static (List<T> First, List<T> Second) Stratified<T, TLabel>(IEnumerable<T> examples, Func<T, TLabel> label, double secondShare, int seed)
        where TLabel : notnull
    {
        var random = new Random(seed);
        var (first, second) = (new List<T>(), new List<T>());
        // Ordinal for text labels: the split must not depend on the culture the command runs in.
        var order = typeof(TLabel) == typeof(string) ? (IComparer<TLabel>)StringComparer.Ordinal : Comparer<TLabel>.Default;
        foreach (var group in examples.GroupBy(label).OrderBy(g => g.Key, order))
        {
            var items = group.ToArray();
            random.Shuffle(items);
            var take = (int)Math.Round(items.Length * secondShare, MidpointRounding.AwayFromZero);
            if (take >= items.Length) take = items.Length - 1;
            second.AddRange(items.Take(take));
            first.AddRange(items.Skip(take));
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(first));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(second));
        return (first, second);
    }

    /// <summary>A seeded random sample of <paramref name="count"/> examples (all of them when there are fewer).</summary>
    public static List<LabelledText> Sample(IReadOnlyList<LabelledText> examples, int count, int seed)
    {
        var items = examples.ToArray();
        new Random(seed).Shuffle(items);
        return items.Take(count).ToList();
    }
}
