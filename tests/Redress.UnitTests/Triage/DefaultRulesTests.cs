using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>The default rule families from the seeds, in Chinese and English (seed 000 §2.2, seed 001 p6).</summary>
public sealed class DefaultRulesTests
{
    [Theory]
    // Safety: grade ≤ 2, escalated, applied, safety hazard.
    [InlineData("电水壶使用时底座突然冒烟并起火，厨房墙面被熏黑。")]
    [InlineData("孩子吃了以后食物中毒住院了")]
    [InlineData("The kettle caught fire and my son was injured.")]
    [InlineData("The battery exploded while charging")]
    public void Safety_IsGradeTwoAndEscalated_AppliedAutomatically(string text)
    {
        var s = TestTriage.Suggest(text);

        Assert.Equal((2, true), (s.Grade?.Grade, s.Grade?.Applied));
        var escalated = Assert.Single(s.Flags, f => f.Flag == CaseFlags.Escalated);
        Assert.True(escalated.Applied);
        Assert.Equal("Q-SAFETY", TestTriage.CategoryCode(s));
        var applied = Assert.Single(s.Applied);
        Assert.Equal((2, CaseFlags.Escalated), (applied.MaxGrade, applied.Flags));
    }

    [Theory]
    [InlineData("我已经咨询律师，准备向法院起诉", "法律纠纷")]
    [InlineData("My lawyer will file a lawsuit next week.", "Legal action")]
    [InlineData("我要在微博和抖音上曝光你们", "媒体曝光")]
    [InlineData("I am going to the press and social media with this.", "Media exposure")]
    [InlineData("我已经向12315和消费者协会反映", "监管部门")]
    [InlineData("已拨打１２３１５", "监管部门")]
    [InlineData("I have filed a complaint with the CFPB and the ombudsman.", "Regulator")]
    public void Legal_Media_AndRegulators_AreEscalatedToGradeTwo(string text, string rule)
    {
        var s = TestTriage.Suggest(text);

        Assert.Contains(s.Applied, a => a.Name == rule && a.MaxGrade == 2 && a.Flags == CaseFlags.Escalated);
        Assert.Equal(2, s.Grade?.Grade);
    }

    [Theory]
    [InlineData("面包里有金属丝，幸好及时发现孩子没有受伤")]
    [InlineData("充电器发烫，但是并未起火")]
    [InlineData("Luckily no one was injured, but the lid is cracked.")]
    [InlineData("It did not catch fire, it just stopped working.")]
    public void ADeniedIncident_DoesNotEscalate(string text)
    {
        var s = TestTriage.Suggest(text);

        Assert.Empty(s.Applied);
        Assert.Null(s.Grade);
        Assert.Contains(s.Rules, r => !r.Fired && r.Negated.Count > 0);
    }

    [Theory]
    [InlineData("没想到会起火")]
    [InlineData("电池无法停止冒烟")]
    [InlineData("没有人告诉我充电会爆炸")]
    public void LookAlikesOfADenial_StillEscalate(string text)
    {
        var s = TestTriage.Suggest(text);
        Assert.Equal(2, s.Grade?.Grade);
    }

    [Theory]
    [InlineData("There is an issue with my bill, please look into it.")]
    [InlineData("Please press the button to continue; my account was charged twice.")]
    [InlineData("The dead battery of my phone")]
    [InlineData("我要投诉你们的客服，一直推诿")]
    public void EverydayWords_DoNotEscalate(string text)
    {
        var s = TestTriage.Suggest(text);
        Assert.DoesNotContain(s.Flags, f => f.Flag == CaseFlags.Escalated);
    }

    [Fact]
    public void ChineseRules_DoNotReadEnglishText_AndEnglishRulesNotChinese()
    {
        var book = RuleBook.Compile([
            TestTriage.Rule("fire", language: TriageLanguage.Zh, flags: CaseFlags.Urgent, name: "zh"),
            TestTriage.Rule("起火", language: TriageLanguage.En, flags: CaseFlags.Urgent, name: "en"),
            TestTriage.Rule("fire\n起火", language: TriageLanguage.Any, flags: CaseFlags.Urgent, name: "any"),
        ]);

        Assert.Equal(["any"], TestTriage.Suggest(book, "The kettle caught fire").Rules.Select(r => r.Name));
        Assert.Equal(["any"], TestTriage.Suggest(book, "电水壶起火了").Rules.Select(r => r.Name));
    }

    [Theory]
    [InlineData("快递延误一周还没到，物流信息也不更新", "L-LATE")]
    [InlineData("My parcel has not been delivered, still waiting after two weeks, the tracking never changes", "L-LATE")]
    [InlineData("店员态度恶劣，还当众骂人", "S-RUDE")]
    [InlineData("I was charged twice and then hit with hidden fees", "B-OVERCHARGE")]
    [InlineData("面包发霉变质，已经过期了", "Q-FOOD")]
    [InlineData("个人信息泄露，每天接到骚扰电话", "O-PRIVACY")]
    [InlineData("空调维修三次还是不制冷，报修也没用", "A-REPAIR")]
    public void CategoryWords_SuggestTheirSubCategory_WithoutApplyingAnything(string text, string code)
    {
        var s = TestTriage.Suggest(text);

        Assert.Equal(code, TestTriage.CategoryCode(s));
        Assert.Equal(SuggestionSource.Rule, s.Category!.Source);
        Assert.Empty(s.Applied);
    }

    [Theory]
    // 漏水, 故障 and 质量问题 are defect words (priority 10); 起火 is a safety incident (priority 100).
    [InlineData("热水器漏水，故障后起火，质量问题严重")]
    // 延误, 还没到 and 物流信息 are late-delivery words, of another top category.
    [InlineData("快递延误还没到，物流信息不更新，收到后一充电就起火了")]
    public void AHigherPriorityRule_DecidesTheCategory_OverALowerOneWithMoreWords(string text)
    {
        var s = TestTriage.Suggest(text);

        Assert.Equal("Q-SAFETY", TestTriage.CategoryCode(s));
        Assert.Equal("安全事故", s.Category!.Rule);
    }

    [Theory]
    [InlineData("不给我赔偿就把这件事曝光到网上")]
    [InlineData("赔我五万块，否则我就发微博让大家都知道")]
    [InlineData("Pay me $5,000 or I will post this on every review site.")]
    [InlineData("Unless you pay me back today, I will contact every newspaper in town.")]
    public void ExtortionLanguage_IsSuspectedMalicious_ForAPersonToVerify_NeverApplied(string text)
    {
        var s = TestTriage.Suggest(text);

        var flag = Assert.Single(s.Flags, f => f.Flag == CaseFlags.SuspectedMalicious);
        Assert.False(flag.Applied);
        Assert.Equal(SuggestionSource.Rule, flag.Source);
        Assert.Contains(flag.Cues, c => c.Kind == CueKind.Pattern);
        Assert.DoesNotContain(s.Applied, a => a.Flags.HasFlag(CaseFlags.SuspectedMalicious));
    }

    [Theory]
    [InlineData("请尽快退款，谢谢")]
    [InlineData("希望给个说法，并赔偿损失")]
    [InlineData("Please refund me or tell me when the replacement ships.")]
    public void AnOrdinaryDemand_IsNotSuspected(string text) =>
        Assert.DoesNotContain(TestTriage.Suggest(text).Flags, f => f.Flag == CaseFlags.SuspectedMalicious);

    [Fact]
    public void AnOrdinaryComplaint_GetsSuggestionsOnly()
    {
        var s = TestTriage.Suggest("收到的洗衣机外壳破损，有划痕和凹陷，要求换货。");

        Assert.Equal("Q-DAMAGE", TestTriage.CategoryCode(s));
        Assert.Empty(s.Applied);
        Assert.Null(s.Grade);
        Assert.DoesNotContain(s.Flags, f => f.Applied);
    }

    [Fact]
    public void TheSeeds_AreOneWordOrPhrasePerLine()
    {
        var rules = DefaultTriageRulesList();

        Assert.Contains("12315", TriageRule.WordsOf(rules.Single(r => r.Name == "监管部门").Terms));
        Assert.Contains("caught fire", TriageRule.WordsOf(rules.Single(r => r.Name == "Safety incident").Terms));
        var wrong = TriageRule.WordsOf(rules.Single(r => r.CategoryId == TestTriage.Ids["L-WRONG"]).Terms);
        Assert.Contains("不是我买的", wrong);
        Assert.Contains("wrong item", wrong);
        Assert.All(rules, r => Assert.Null(TriageRule.Check(r.Spec)));
    }

    private static List<TriageRule> DefaultTriageRulesList() => [.. Redress.Features.Triage.DefaultTriageRules.Rules(TestTriage.Ids, TestTriage.Now)];

    [Fact]
    public void Urgency_IsSuggested_NotApplied()
    {
        var s = TestTriage.Suggest("情况紧急，请立即处理");
        var urgent = Assert.Single(s.Flags, f => f.Flag == CaseFlags.Urgent);
        Assert.False(urgent.Applied);
    }
}
