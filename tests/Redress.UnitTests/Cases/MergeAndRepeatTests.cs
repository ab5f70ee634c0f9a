using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>Issue 5 parts 4-5 in the aggregate: a repeat needs its root cause before it closes; a duplicate merges into an open case.</summary>
public sealed class MergeAndRepeatTests
{
    private static Case RepeatUnderInvestigation()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        Assert.True(kase.Classify(Staff.Agent, Times.After(kase), kase.CategoryId, 2, CaseFlags.Repeat, "Third call about the kettle.").IsSuccess);
        return kase;
    }

    [Fact]
    public void ProposeSolution_OnARepeatWithoutRootCause_IsRefused_UntilTheFindingsNameIt()
    {
        var kase = RepeatUnderInvestigation();
        Assert.True(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings() with { RootCauseMethod = null, RootCause = " " }).IsSuccess);

        var refused = kase.ProposeSolution(Staff.Handler, Times.After(kase), Valid.Plan(Times.After(kase)));

        Outcome.AssertFailed(refused, ErrorKind.Conflict, "root_cause_required");
        Assert.True(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings()).IsSuccess);
        Assert.True(kase.ProposeSolution(Staff.Handler, Times.After(kase), Valid.Plan(Times.After(kase))).IsSuccess);
    }

    [Fact]
    public void Closing_ACaseFlaggedRepeatAfterItsPlan_WithoutRootCause_IsRefused()
    {
        var kase = A.Case().InStatus(CaseStatus.AwaitingConfirmation).Build();
        kase.Investigation!.RootCause = null;
        Assert.True(kase.Classify(Staff.Agent, Times.After(kase), kase.CategoryId, kase.Grade, CaseFlags.Repeat, "The customer called about it before.").IsSuccess);

        var refused = kase.RecordConfirmation(Staff.Agent, Times.After(kase), satisfied: true, 5, null, CasePolicy.Default);

        Outcome.AssertFailed(refused, ErrorKind.Conflict, "root_cause_required");
        Assert.Equal(CaseStatus.AwaitingConfirmation, kase.Status);
        // Not satisfied still reopens it, where the findings can be completed.
        Assert.True(kase.RecordConfirmation(Staff.Agent, Times.After(kase), satisfied: false, 2, "Still leaks.", CasePolicy.Default).IsSuccess);
    }

    [Fact]
    public void MergeInto_ClosesTheDuplicateAsMerged_AndBothTimelinesNameTheOther()
    {
        var duplicate = A.Case().Build();
        var survivor = A.Case().InStatus(CaseStatus.Assigned).Build();
        var (duplicateVersion, survivorVersion) = (duplicate.Version, survivor.Version);
        var now = Times.After(survivor);

        Assert.True(duplicate.MergeInto(survivor, Staff.Agent, now).IsSuccess);

        Assert.Equal((CaseStatus.Merged, false, now, survivor.Number), (duplicate.Status, duplicate.IsOpen, duplicate.ClosedAt, duplicate.MergedIntoNumber));
        Assert.Equal((duplicateVersion + 1, survivorVersion + 1, CaseStatus.Assigned), (duplicate.Version, survivor.Version, survivor.Status));
        Assert.Equal((TimelineEvent.MergedInto, survivor.Number), (duplicate.Timeline[^1].Event, duplicate.Timeline[^1].Text));
        Assert.Equal((TimelineEvent.CaseMerged, duplicate.Number), (survivor.Timeline[^1].Event, survivor.Timeline[^1].Text));
    }

    [Fact]
    public void MergeInto_AClosedCaseOrItself_OrByTheQualityManager_IsRefused()
    {
        var duplicate = A.Case().Build();

        Outcome.AssertFailed(duplicate.MergeInto(A.Case().InStatus(CaseStatus.Closed).Build(), Staff.Agent, Times.After(duplicate)), ErrorKind.Conflict, "survivor_not_open");
        Outcome.AssertFailed(duplicate.MergeInto(duplicate, Staff.Agent, Times.After(duplicate)), ErrorKind.Validation, "merge_into_itself");
        Outcome.AssertFailed(duplicate.MergeInto(A.Case().Build(), Staff.QualityManager, Times.After(duplicate)), ErrorKind.Forbidden, "role_not_allowed");
        Assert.Equal(CaseStatus.Received, duplicate.Status);
    }
}
