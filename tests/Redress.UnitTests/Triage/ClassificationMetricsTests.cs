using Redress.Features.Triage.Learning;

namespace Redress.UnitTests.Triage;

public sealed class ClassificationMetricsTests
{
    // truth:     A A A A B B C C
    // predicted: A A A B B C C A
    // A: 3 of 4 found (recall .75), 3 of 4 predicted A are A (precision .75), F1 .75
    // B: 1 of 2 found (.5), 1 of 2 predicted B are B (.5), F1 .5
    // C: 1 of 2 found (.5), 1 of 2 predicted C are C (.5), F1 .5
    private static readonly string[] Truth = ["A", "A", "A", "A", "B", "B", "C", "C"];
    private static readonly string[] Predicted = ["A", "A", "A", "B", "B", "C", "C", "A"];

    [Fact]
    public void Accuracy_IsTheShareOfExactHits() => Assert.Equal(5 / 8.0, new ClassificationMetrics(Truth, Predicted).Accuracy, 12);

    [Fact]
    public void MacroF1_IsThePlainMeanOfThePerClassF1()
    {
        var m = new ClassificationMetrics(Truth, Predicted);

        Assert.Equal([0.75, 0.5, 0.5], m.Classes.Select(c => c.F1).ToArray());
        Assert.Equal((0.75 + 0.5 + 0.5) / 3, m.MacroF1, 12);
    }

    [Fact]
    public void Confusion_HasTruthInRowsAndPredictionsInColumns_LargestClassFirst()
    {
        var m = new ClassificationMetrics(Truth, Predicted);

        Assert.Equal(["A", "B", "C"], m.Labels);
        Assert.Equal([3, 1, 0], m.Confusion[0]);
        Assert.Equal([0, 1, 1], m.Confusion[1]);
        Assert.Equal([1, 0, 1], m.Confusion[2]);
    }

    [Fact]
    public void AClassNeverFound_CountsAsZeroInMacroF1_AndAPredictedOnlyClassIsListed()
    {
        // truth A A B, predicted A A D: B is never found (F1 0), D is never right (F1 0), A is perfect.
        var m = new ClassificationMetrics(["A", "A", "B"], ["A", "A", "D"]);

        Assert.Equal(["A", "B", "D"], m.Labels);
        Assert.Equal([1.0, 0, 0], m.Classes.Select(c => c.F1).ToArray());
        Assert.Equal(1 / 3.0, m.MacroF1, 12);
        Assert.Equal(0, m.Classes[2].Support);
    }

    [Fact]
    public void PrecisionAndRecall_DifferWhenAClassIsOverPredicted()
    {
        // truth A B B B, predicted A A A B: A precision 1/3 recall 1; B precision 1 recall 1/3.
        var m = new ClassificationMetrics(["A", "B", "B", "B"], ["A", "A", "A", "B"]);
        var (b, a) = (m.Classes[0], m.Classes[1]);

        Assert.Equal(("A", 1 / 3.0, 1.0), (a.Label, a.Precision, a.Recall));
        Assert.Equal(("B", 1.0, 1 / 3.0), (b.Label, b.Precision, b.Recall));
        Assert.Equal(0.5, a.F1, 12);
    }
}
