using System.Text.Json;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Triage;

/// <summary>What triage may do to a case: apply an administrator's rule at registration, take a person's answer.</summary>
public sealed class CaseTriageTests
{
    private static readonly AppliedRule Safety = new(7, "安全事故", 2, CaseFlags.Escalated, ["起火"]);

    [Fact]
    public void ApplyTriage_SetsTheGradeAndFlags_InOneEntryByTheSystemNamingTheRule()
    {
        var kase = A.Case().Graded(3).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.ApplyTriage([Safety], now));

        Assert.Equal((2, CaseFlags.Escalated, 2), (kase.Grade, kase.Flags, kase.Version));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.TriageApplied, Actor.System.UserId, "安全事故"), (entry.Event, entry.ActorId, entry.Text));
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal("起火", changes.RootElement.GetProperty("rules")[0].GetProperty("keywords")[0].GetString());
        Assert.Equal(3, changes.RootElement.GetProperty("grade").GetProperty("from").GetInt32());
        // The clocks, started after the rules, set the due date by the new grade (ClockRulesTests).
        Assert.False(changes.RootElement.TryGetProperty("dueAt", out _));
    }

    [Fact]
    public void ApplyTriage_NeverMakesTheGradeLessSevere_AndAddsToTheFlags()
    {
        var kase = A.Case().Graded(1).Build();

        Outcome.AssertSucceeded(kase.ApplyTriage([Safety, new AppliedRule(0, "Contact frequency", null, CaseFlags.SuspectedMalicious, [])], Times.After(kase)));

        Assert.Equal((1, CaseFlags.Escalated | CaseFlags.SuspectedMalicious), (kase.Grade, kase.Flags));
        Assert.Equal("安全事故; Contact frequency", kase.Timeline[^1].Text);
    }

    [Fact]
    public void ApplyTriage_WhenTheCaseHasItAll_RecordsNothing()
    {
        var kase = A.Case().Graded(2).Build();
        Outcome.AssertSucceeded(kase.ApplyTriage([Safety], Times.After(kase)));
        var before = CaseSnapshot.Of(kase);

        Outcome.AssertSucceeded(kase.ApplyTriage([Safety], Times.After(kase)));
        Outcome.AssertSucceeded(kase.ApplyTriage([], Times.After(kase)));

        Assert.Equal(before, CaseSnapshot.Of(kase));
    }

    [Fact]
    public void ApplyTriage_AfterRegistration_IsRefused()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        var before = CaseSnapshot.Of(kase);

        Outcome.AssertFailed(kase.ApplyTriage([Safety], Times.After(kase)), ErrorKind.Conflict, "triage_after_registration");
        Assert.Equal(before, CaseSnapshot.Of(kase));
    }

    [Fact]
    public void AcceptedClassification_TakesTheSuggestedCategory_TheMoreSevereGrade_AndAddsTheFlags()
    {
        var kase = A.Case().Graded(2).Build();
        var suggestion = TestTriage.Suggest("快递延误一周还没到，物流信息也不更新，情况紧急");

        var (category, grade, flags) = kase.AcceptedClassification(suggestion with { Grade = new GradeSuggestion(3, 0.6, "r", [], false) });

        Assert.Equal((TestTriage.Ids["L-LATE"], 2, CaseFlags.Urgent), (category, grade, flags));
    }

    [Fact]
    public void DecideTriage_ConfirmingWhatTheCaseHas_ChangesNothing()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Acknowledged).Build();
        var before = CaseSnapshot.Of(kase);

        Outcome.AssertSucceeded(kase.DecideTriage(Staff.Agent, Times.After(kase), kase.CategoryId, 3, kase.Flags, null));

        Assert.Equal(before, CaseSnapshot.Of(kase));
    }

    [Fact]
    public void DecideTriage_WithAnotherClassification_IsAClassification()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Acknowledged).Build();

        Outcome.AssertSucceeded(kase.DecideTriage(Staff.Agent, Times.After(kase), kase.CategoryId, 2, CaseFlags.Escalated, "Media called."));

        Assert.Equal((2, CaseFlags.Escalated, TimelineEvent.Classified, "Media called."), (kase.Grade, kase.Flags, kase.Timeline[^1].Event, kase.Timeline[^1].Text));
    }

    [Theory]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Executive)]
    public void DecideTriage_ByARoleThatMayNotClassify_IsForbidden_EvenWhenNothingWouldChange(Role role)
    {
        var kase = A.Case().Graded(3).Build();

        Outcome.AssertFailed(kase.DecideTriage(Staff.Only(role), Times.After(kase), kase.CategoryId, 3, kase.Flags, null), ErrorKind.Forbidden, "role_not_allowed");
    }
}
