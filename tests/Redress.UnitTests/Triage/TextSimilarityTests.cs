using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>The similarity the repeat and duplicate checks compare with their thresholds (0.25 and 0.8), in both languages.</summary>
public sealed class TextSimilarityTests
{
    private static readonly RepeatDetection Defaults = new();

    [Theory]
    // The same problem told again in other words: a repeat.
    [InlineData("热水器不出热水 上周买的热水器不出热水，师傅上门修过一次还是不行", "热水器又不出热水 热水器又不出热水了，上次师傅上门修过还是不行")]
    [InlineData("Water heater no hot water The water heater I bought last week gives no hot water; a technician came once and it still fails",
        "Water heater broken again The water heater still gives no hot water after the technician came, it fails again")]
    public void TheSameIssueInOtherWords_IsAboveTheRepeatThreshold_AndBelowTheDuplicateOne(string first, string again)
    {
        var score = TextSimilarity.Of(first, again);

        Assert.InRange(score, Defaults.SimilarText, Defaults.DuplicateText - 0.01);
    }

    [Theory]
    [InlineData("热水器不出热水 上周买的热水器不出热水，师傅上门修过一次还是不行", "外卖送错了 送来的是别人的餐，打电话商家也不理")]
    [InlineData("Water heater no hot water The water heater I bought last week gives no hot water", "Late delivery My parcel arrived two weeks late and the courier was rude")]
    // Two English complaints share their function words (the, my, was …): they do not count.
    [InlineData("The parcel was late and the box was wet", "The refund was not paid and the agent was rude")]
    public void DifferentIssues_AreBelowTheRepeatThreshold(string a, string b)
    {
        Assert.True(TextSimilarity.Of(a, b) < Defaults.SimilarText);
    }

    [Theory]
    [InlineData("手机屏幕碎了 收到的手机屏幕是碎的，要求换货", "手机屏幕碎了 收到的手机屏幕是碎的，要求换货。")]
    [InlineData("Charged twice My card was charged twice for order 1234, please refund one payment", "Charged twice: my card was CHARGED TWICE for order 1234 - please refund one payment!")]
    // Full-width characters, as Chinese input methods type them, read as ASCII.
    [InlineData("订单１２３４５ 重复扣款", "订单12345 重复扣款")]
    public void TheSameComplaintResent_IsAboveTheDuplicateThreshold(string a, string b)
    {
        Assert.True(TextSimilarity.Of(a, b) >= Defaults.DuplicateText);
    }

    [Fact]
    public void Shingles_AreChineseBigramsAndWords_WithoutRedactionsOrFunctionWords()
    {
        Assert.Equal(["热水", "水器", "kt18", "broken"], TextSimilarity.Shingles("热水器 the KT18 XXXX broken 坏"[..^2]).ToList());
        Assert.Contains("坏", TextSimilarity.Shingles("坏"));
        Assert.Equal(0, TextSimilarity.Of("", "热水器"));
    }
}
