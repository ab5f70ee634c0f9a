using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>How rules, the learned classifier and the sentiment make one suggestion: rules win where certain.</summary>
public sealed class SuggesterTests
{
    private static LearnedCategory Model(string code, double p) => new(TestTriage.Ids[code], p);

    [Fact]
    public void ACertainRule_WinsOverTheModel_WhichStaysAnAlternative()
    {
        // 延误, 还没到, 物流信息: three late-delivery words and no rival.
        var s = TestTriage.Suggest("快递延误一周还没到，物流信息也不更新", Model("B-REFUND", 0.9));

        Assert.Equal(("L-LATE", SuggestionSource.Rule), (TestTriage.CategoryCode(s), s.Category!.Source));
        Assert.True(s.Category.Confidence >= TriageSuggester.RuleCertainty);
        Assert.Contains(s.Alternatives, a => a.Source == SuggestionSource.Learned && a.CategoryId == TestTriage.Ids["B-REFUND"]);
    }

    [Fact]
    public void WhereNoRuleDecides_TheModelsGuessDoes()
    {
        // One refund word alone is not certain.
        var s = TestTriage.Suggest("我想申请退款", Model("CONTRACT", 0.8));

        Assert.Equal(("CONTRACT", SuggestionSource.Learned, 0.8), (TestTriage.CategoryCode(s), s.Category!.Source, s.Category.Confidence));
        Assert.Equal("0.80", Assert.Single(s.Category.Cues).Text);
        Assert.Contains(s.Alternatives, a => a.Source == SuggestionSource.Rule && a.CategoryId == TestTriage.Ids["B-REFUND"]);
    }

    [Fact]
    public void AWeakRuleAndTheModel_AgreeingOnTheTopCategory_AreSurerTogether_WithTheRulesSubCategory()
    {
        var s = TestTriage.Suggest("我想申请退款", Model("BILLING", 0.7));

        Assert.Equal(("B-REFUND", SuggestionSource.Learned), (TestTriage.CategoryCode(s), s.Category!.Source));
        Assert.Equal(1 - (1 - 0.6) * (1 - 0.7), s.Category!.Confidence, 3);
        Assert.Contains(s.Category.Cues, c => c.Kind == CueKind.Keyword && c.Text == "退款");
        Assert.Contains(s.Category.Cues, c => c.Kind == CueKind.Learned);
    }

    [Fact]
    public void AnUnsureModel_OnlyJoinsTheAlternatives()
    {
        var s = TestTriage.Suggest("我想申请退款", Model("CONTRACT", 0.3));

        Assert.Equal(("B-REFUND", 0.6), (TestTriage.CategoryCode(s), s.Category!.Confidence));
        Assert.Contains(s.Alternatives, a => a.CategoryId == TestTriage.Ids["CONTRACT"]);
    }

    [Fact]
    public void WithoutRulesOrModel_NoCategoryIsSuggested()
    {
        var s = TestTriage.Suggest("你好，我想咨询一下");

        Assert.Null(s.Category);
        Assert.Empty(s.Alternatives);
        Assert.Empty(s.Rules);
    }

    [Fact]
    public void SubCategoryWords_CountForTheirTopCategory_AndTheBusiestSubCategoryIsNamed()
    {
        // 多扣 and 重复扣款 are overcharging, 退款 a refund: all billing, against one defect word.
        var s = TestTriage.Suggest("重复扣款，多扣了钱，要求退款，另外机器有故障");

        Assert.Equal("B-OVERCHARGE", TestTriage.CategoryCode(s));
        Assert.Equal(TriageSuggestion.Strength(3) * 3 / 4, s.Category!.Confidence, 3);
    }

    [Fact]
    public void ARivalOfTheSamePriority_LowersTheConfidence()
    {
        var alone = TestTriage.Suggest("快递延误还没到");
        var contested = TestTriage.Suggest("快递延误还没到，而且态度恶劣");

        Assert.Equal(TriageSuggestion.Strength(2), alone.Category!.Confidence, 3);
        Assert.True(contested.Category!.Confidence < alone.Category.Confidence);
        Assert.Contains(contested.Alternatives, a => a.CategoryId == TestTriage.Ids["S-RUDE"]);
    }

    [Fact]
    public void TheMostSevereGrade_OfTheRulesThatFired_IsSuggested()
    {
        var book = RuleBook.Compile([
            TestTriage.Rule("投诉", maxGrade: 3, name: "mild"),
            TestTriage.Rule("曝光", maxGrade: 1, flags: CaseFlags.Escalated, apply: true, name: "severe"),
        ]);

        var s = TestTriage.Suggest(book, "我要投诉，还要曝光");

        Assert.Equal((1, "severe", true), (s.Grade!.Grade, s.Grade.Rule, s.Grade.Applied));
        Assert.Equal(["severe"], s.Applied.Select(a => a.Name));
    }

    [Fact]
    public void AFuriousCustomer_IsSuggestedUrgent_BySentiment()
    {
        var s = TestTriage.Suggest("太差了！！！垃圾产品，气死我了，我要投诉！！");

        Assert.Equal(AngerLevel.Furious, s.Sentiment.Anger);
        var urgent = Assert.Single(s.Flags, f => f.Flag == CaseFlags.Urgent);
        Assert.Equal((SuggestionSource.Sentiment, false), (urgent.Source, urgent.Applied));
    }

    [Fact]
    public void ADetectorsFlag_JoinsTheSuggestion_ReplacingItsOwnEarlierOne()
    {
        var s = TestTriage.Suggest("快递延误还没到");
        var repeat = new FlagSuggestion(CaseFlags.Repeat, 0.7, SuggestionSource.Repeat, null, [], false);

        var with = s.WithFlag(repeat).WithFlag(repeat with { Confidence = 0.9 });

        Assert.Equal(0.9, Assert.Single(with.Flags, f => f.Flag == CaseFlags.Repeat).Confidence);
        Assert.True(with.SuggestedFlags.HasFlag(CaseFlags.Repeat));
    }
}
