using Redress.Features.Triage.Learning;

namespace Redress.UnitTests.Triage;

/// <summary>Training and evaluation on complaints/complaints.csv: 300 short complaints we wrote, 5 categories, half Chinese, half English.</summary>
public sealed class TextClassifierTests
{
    private static readonly Lazy<List<LabelledText>> Set = new(() =>
        LabelledFile.Read(Path.Combine(AppContext.BaseDirectory, "Triage", "complaints.csv"), "text", "category"));

    private static readonly Lazy<TextClassifier> Trained = new(() => TrainTextClassifier.Train(Set.Value, TrainingOptions.Product).Model);

    [Fact]
    public void Evaluate_OnAHeldOutFifth_FindsTheCategoriesInBothLanguages()
    {
        var e = EvaluateClassifier.Run(Set.Value, null, 0.8, null, TrainingOptions.Product);

        Assert.Equal((300, 240, 60), (e.Examples, e.TrainCount, e.TestCount));
        Assert.Equal(5, e.Metrics.Labels.Count);
        Assert.All(e.Metrics.Classes, c => Assert.Equal(12, c.Support));
        Assert.True(e.Metrics.Accuracy >= 0.8, $"accuracy {e.Metrics.Accuracy:0.000}");
        Assert.True(e.Metrics.MacroF1 >= 0.8, $"macro-F1 {e.Metrics.MacroF1:0.000}");
    }

    [Fact]
    public void Evaluate_WithTheSameSeed_GivesTheSameFigures()
    {
        var (a, b) = (Run(), Run());

        Assert.Equal((a.Metrics.Accuracy, a.Metrics.MacroF1), (b.Metrics.Accuracy, b.Metrics.MacroF1));

        static Evaluation Run() => EvaluateClassifier.Run(Set.Value, null, 0.8, null, TrainingOptions.Product with { L2 = [1e-4f], ClassWeightPowers = [0.5] });
    }

    [Theory]
    [InlineData("快递五天了还没送到，物流也不更新", "LOGISTICS")]
    [InlineData("客服态度很差，还挂我电话", "SERVICE")]
    [InlineData("They charged my card twice and the refund never came", "BILLING")]
    [InlineData("The kettle stopped working and leaks everywhere", "QUALITY")]
    [InlineData("保修期内维修还收费，寄修一个月没消息", "AFTERSALES")]
    public void Predict_TextsItHasNotSeen_GivesTheCategoryWithTheWordsThatDecided(string text, string category)
    {
        var p = Trained.Value.Predict(text);

        Assert.Equal(category, p.Best.Label);
        Assert.True(p.Best.Probability > 0.4, $"{p.Best.Probability:0.00}");
        Assert.InRange(p.Labels.Sum(l => l.Probability), 0, 1.000001);
        Assert.NotEmpty(p.Features);
        Assert.All(p.Features, f => Assert.Contains(f.Feature.TrimStart('#').Trim('<', '>'), TextGrams.Normalize(text)));
    }

    [Fact]
    public void ClassifierFile_RoundTrip_PredictsTheSame()
    {
        var copy = ClassifierFile.Read(ClassifierFile.Write(Trained.Value));

        foreach (var t in Set.Value.Take(50))
        {
            var (a, b) = (Trained.Value.Predict(t.Text), copy.Predict(t.Text));
            Assert.Equal(a.Best.Label, b.Best.Label);
            Assert.Equal(a.Best.Probability, b.Best.Probability, 0.01);
        }
    }

    [Fact]
    public void Predict_FromManyThreadsAtOnce_AgreesWithOneThread()
    {
        var texts = Set.Value.Select(t => t.Text).ToArray();
        var alone = texts.Select(t => Trained.Value.PredictLabel(t)).ToArray();
        var together = new string[texts.Length];

        Parallel.For(0, texts.Length * 4, i => together[i % texts.Length] = Trained.Value.Predict(texts[i % texts.Length]).Best.Label);

        Assert.Equal(alone, together);
    }

    [Fact]
    public void Stratified_KeepsEachClassShareAndIsTheSameForTheSameSeed()
    {
        var (train, test) = LabelledSplit.Stratified(Set.Value, 0.2, 7);
        var (_, again) = LabelledSplit.Stratified(Set.Value, 0.2, 7);

        Assert.Equal(60, test.Count);
        Assert.All(test.GroupBy(t => t.Label), g => Assert.Equal(12, g.Count()));
        Assert.Empty(train.Intersect(test, ReferenceEqualityComparer.Instance));
        Assert.Equal(test, again);
    }

    [Fact]
    public void Train_WithOneLabel_IsRefused() =>
        Assert.Throws<ArgumentException>(() => TrainTextClassifier.Train([new("a", "X"), new("b", "X")], TrainingOptions.Product));
}
