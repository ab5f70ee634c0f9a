using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>Sentiment (-1 … 1) and anger (calm … furious) in Chinese and English (seed 000 §2.2 情感分析).</summary>
public sealed class SentimentTests
{
    private static SentimentReading Read(string text) => Sentiment.Read(TriageText.Of(text));

    [Theory]
    [InlineData("非常满意，送餐快，味道不错，谢谢！")]
    [InlineData("The technician was friendly and professional, thank you!")]
    public void Praise_IsPositive_AndCalm_EvenWithAnExclamation(string text)
    {
        var r = Read(text);
        Assert.True(r.Score > 0.5, $"{r.Score}");
        Assert.Equal(AngerLevel.Calm, r.Anger);
    }

    [Theory]
    [InlineData("质量太差了，非常失望")]
    [InlineData("Terrible service and a very rude agent.")]
    public void Complaint_IsNegative_AndAnnoyedOrWorse(string text)
    {
        var r = Read(text);
        Assert.True(r.Score < -0.5, $"{r.Score}");
        Assert.True(r.Anger >= AngerLevel.Annoyed);
    }

    [Theory]
    [InlineData("喜欢", "不喜欢")]
    [InlineData("满意", "不是很满意")]
    [InlineData("happy", "not happy")]
    [InlineData("I recommend it", "I don't recommend it")]
    [InlineData("helpful", "never helpful")]
    public void ANegation_TurnsPraiseIntoComplaint(string praise, string negated)
    {
        Assert.True(Read(praise).Score > 0);
        var r = Read(negated);
        Assert.True(r.Score < 0, $"{negated}: {r.Score}");
        Assert.Contains(r.Cues, c => c.Kind == CueKind.NegatedSentiment);
    }

    [Theory]
    [InlineData("不差")]
    [InlineData("not bad")]
    public void ANegatedComplaint_IsOnlyMildlyPositive(string text)
    {
        var r = Read(text);
        Assert.InRange(r.Score, 0.01, 0.3);
    }

    [Theory]
    [InlineData("不满意")]
    [InlineData("不错")]
    public void CompoundsWithNegation_AreWords_NotNegations(string text) =>
        Assert.DoesNotContain(Read(text).Cues, c => c.Kind == CueKind.NegatedSentiment);

    [Theory]
    [InlineData("差", "非常差", "非常差")]
    [InlineData("服务敷衍", "服务极其敷衍", "极其敷衍")]
    [InlineData("rude", "extremely rude", "extremely rude")]
    [InlineData("disappointed", "Really disappointed", "really disappointed")]
    public void AnIntensifier_MakesItStronger_AndTheCueQuotesBoth(string plain, string intensified, string cue)
    {
        Assert.True(Read(intensified).Score < Read(plain).Score);
        Assert.Contains(Read(intensified).Cues, c => c.Kind == CueKind.Negative && c.Text == cue);
    }

    [Theory]
    [InlineData("太差了", "太差了！！！")]
    [InlineData("This is unacceptable.", "This is unacceptable!!!")]
    public void ExclamationMarks_AndRepeatedPunctuation_RaiseTheAnger(string calm, string shouted)
    {
        var r = Read(shouted);
        Assert.True(r.Anger > Read(calm).Anger, $"{r.Anger}");
        Assert.Contains(r.Cues, c => c.Kind == CueKind.RepeatedPunctuation);
        Assert.Equal(3, r.Cues.Single(c => c.Kind == CueKind.Exclamation).Count);
    }

    [Fact]
    public void WordsInCapitals_RaiseTheAnger_ButNotAcronymsOrRedactions()
    {
        var shouting = Read("The service was BAD, SLOW and RUDE.");
        var written = Read("The service was bad, slow and rude.");

        Assert.Equal(3, shouting.Cues.Single(c => c.Kind == CueKind.AllCaps).Count);
        Assert.True(shouting.Anger > written.Anger, $"{shouting.Anger} vs {written.Anger}");
        Assert.DoesNotContain(Read("XXXX reported the bad charge to the CFPB and the FTC.").Cues, c => c.Kind == CueKind.AllCaps);
    }

    [Theory]
    [InlineData("再不解决我就去12315，还要曝光你们！！")]
    [InlineData("气死我了，忍无可忍，我要投诉！")]
    [InlineData("I am FURIOUS!!! This is RIDICULOUS, I will sue and go to THE MEDIA.")]
    public void Threats_AndWordsOfAnger_ReadFurious(string text)
    {
        var r = Read(text);
        Assert.Equal(AngerLevel.Furious, r.Anger);
        Assert.Contains(r.Cues, c => c.Kind is CueKind.Threat or CueKind.Anger);
    }

    [Theory]
    [InlineData("请贵司尽快处理，快递单号见附件")]
    [InlineData("Please look into my account.")]
    public void ANeutralRequest_IsCalmAndNeutral(string text)
    {
        var r = Read(text);
        Assert.Equal((0.0, AngerLevel.Calm), (r.Score, r.Anger));
        Assert.Empty(r.Cues);
    }

    [Fact]
    public void ANegationReachesOnlyItsOwnClause()
    {
        // 不 ends at the comma: 满意 after it is praise, as "no, happy" is.
        var r = Read("不，很满意");
        Assert.True(r.Score > 0, $"{r.Score}");
        r = Read("No, the agent was helpful");
        Assert.True(r.Score > 0, $"{r.Score}");
    }

    [Fact]
    public void TheScoreStaysBetweenMinusOneAndOne()
    {
        var r = Read(string.Concat(Enumerable.Repeat("垃圾！骗子！", 200)));
        Assert.InRange(r.Score, -1, -0.99);
        Assert.Equal(AngerLevel.Furious, r.Anger);
    }
}
