using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Triage;

/// <summary>What an administrator may write as a rule (R-CL-3).</summary>
public sealed class TriageRuleTests
{
    private static TriageRuleSpec Spec(string terms, MatchKind kind = MatchKind.Words, int? maxGrade = 2, CaseFlags flags = CaseFlags.Escalated, int? category = null, bool apply = true) =>
        new("规则", TriageLanguage.Any, kind, terms, category, maxGrade, flags, 10, apply, true);

    [Theory]
    [InlineData("(赔偿|补偿")]
    [InlineData("[a-")]
    [InlineData(@"(\w+)\s\1")]
    [InlineData("(?<=不)满意")]
    public void APatternThatCannotRun_IsRefusedAtTheTermsField(string pattern)
    {
        var error = Outcome.AssertFailed(TriageRule.Create(Spec(pattern, MatchKind.Pattern), "admin", TestTriage.Now), ErrorKind.Validation, "invalid_pattern");
        Assert.Equal("terms", error.Field);
    }

    [Fact]
    public void APatternMatchingEmptyText_IsRefused_ForItWouldMatchEveryComplaint() =>
        Outcome.AssertFailed(TriageRule.Create(Spec("(曝光)?", MatchKind.Pattern), "admin", TestTriage.Now), ErrorKind.Validation, "pattern_matches_empty");

    [Theory]
    [InlineData(CaseFlags.Repeat)]
    [InlineData(CaseFlags.Group)]
    public void RepeatAndGroup_AreNotForRules(CaseFlags flag) =>
        Outcome.AssertFailed(TriageRule.Create(Spec("起火", flags: flag), "admin", TestTriage.Now), ErrorKind.Validation, "flag_not_settable");

    [Fact]
    public void ARuleThatSetsNothing_IsRefused() =>
        Outcome.AssertFailed(TriageRule.Create(Spec("起火", maxGrade: null, flags: CaseFlags.None, apply: false), "admin", TestTriage.Now), ErrorKind.Validation, "sets_nothing");

    [Fact]
    public void ARuleThatAppliesOnlyACategory_IsRefused_ForACategoryIsOnlySuggested() =>
        Outcome.AssertFailed(TriageRule.Create(Spec("漏水", maxGrade: null, flags: CaseFlags.None, category: 3), "admin", TestTriage.Now), ErrorKind.Validation, "nothing_to_apply");

    [Theory]
    [InlineData("")]
    [InlineData(" \n ,、 ")]
    [InlineData("起火\n*")]
    public void AWordRuleWithoutWords_IsRefused(string terms) =>
        Outcome.AssertFailed(TriageRule.Create(Spec(terms), "admin", TestTriage.Now), ErrorKind.Validation, "terms_required");

    [Fact]
    public void Words_AreSplitTrimmedAndDeduplicated_OnePerLine()
    {
        var rule = TriageRule.Create(Spec(" 起火，爆炸、起火\nfire , Fire;\n caught fire "), "admin", TestTriage.Now).Value;

        Assert.Equal("起火\n爆炸\nfire\ncaught fire", rule.Terms);
        Assert.Equal((1, "admin"), (rule.Version, rule.UpdatedBy));
    }

    [Fact]
    public void Change_AndDisable_BumpTheVersion_AndAFailedChangeLeavesTheRuleAlone()
    {
        var rule = TriageRule.Create(Spec("起火"), "admin", TestTriage.Now).Value;

        Outcome.AssertFailed(rule.Change(Spec("(", MatchKind.Pattern), "admin2", TestTriage.Now), ErrorKind.Validation, "invalid_pattern");
        Assert.Equal((1, "起火"), (rule.Version, rule.Terms));
        Outcome.AssertSucceeded(rule.Change(Spec("爆炸"), "admin2", TestTriage.Now.AddMinutes(1)));
        rule.Disable("admin3", TestTriage.Now.AddMinutes(2));

        Assert.Equal((3, "爆炸", false, "admin3"), (rule.Version, rule.Terms, rule.Active, rule.UpdatedBy));
    }
}
