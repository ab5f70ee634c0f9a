using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>The two ways a case ends without a solution: withdrawn, or referred out of scope (R-IN-5).</summary>
public sealed class WithdrawAndReferTests
{
    public static TheoryData<CaseStatus> OpenStatuses() => [.. CaseStatuses.Open];

    public static TheoryData<CaseStatus> ReferableStatuses() =>
        [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating];

    /// <summary>Actions that only add to the record; every other action changes the case.</summary>
    private static readonly CaseAction[] RecordOnly = [CaseAction.AddCommunication, CaseAction.AddNote, CaseAction.AddAttachment];

    [Theory]
    [MemberData(nameof(OpenStatuses))]
    public void Withdraw_FromAnyOpenStatus_EndsTheCaseWithTheReason(CaseStatus status)
    {
        var kase = A.Case().Graded(2).InStatus(status).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.Withdraw(Staff.Agent, now, "The customer settled with the shop."));

        Assert.Equal(CaseStatus.Withdrawn, kase.Status);
        Assert.False(kase.IsOpen);
        Assert.Equal(now, kase.ClosedAt);
        Assert.Equal("The customer settled with the shop.", kase.WithdrawalReason);
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Withdrawn, status, CaseStatus.Withdrawn, "The customer settled with the shop."),
            (entry.Event, entry.FromStatus!.Value, entry.ToStatus, entry.Text));
    }

    [Theory]
    [MemberData(nameof(ReferableStatuses))]
    public void Refer_FromAnEarlyStatus_EndsTheCaseWithTheReferral(CaseStatus status)
    {
        var kase = A.Case().InStatus(status).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.Refer(Staff.Lead, now, "Manufacturer's service centre", "Warranty repairs are theirs."));

        Assert.Equal(CaseStatus.Referred, kase.Status);
        Assert.False(kase.IsOpen);
        Assert.Equal(now, kase.ClosedAt);
        Assert.Equal(("Manufacturer's service centre", "Warranty repairs are theirs."), (kase.Referral!.ReferredTo, kase.Referral.Reason));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Referred, status, CaseStatus.Referred), (entry.Event, entry.FromStatus!.Value, entry.ToStatus));
        Assert.Contains("Manufacturer's service centre", entry.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseStatus.SolutionProposed)]
    [InlineData(CaseStatus.Implementing)]
    [InlineData(CaseStatus.Reopened)]
    public void Refer_OnceASolutionIsUnderway_IsRefused(CaseStatus status)
    {
        var kase = A.Case().InStatus(status).Build();

        Outcome.AssertFailed(kase.Refer(Staff.Agent, Times.After(kase), "Regulator", "Too late."), ErrorKind.Conflict, "illegal_transition");
        Assert.Null(kase.Referral);
    }

    [Theory]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Referred)]
    public void EndedCase_AllowsNothingButAddingToTheRecord(CaseStatus status)
    {
        var kase = A.Case().InStatus(status).Build();
        var everyone = Staff.WithRoles(Enum.GetValues<Role>());

        Assert.Empty(kase.AvailableActions(everyone).Except(RecordOnly));
        foreach (var action in Enum.GetValues<CaseAction>().Except(RecordOnly))
        {
            var before = CaseSnapshot.Of(kase);
            Outcome.AssertFailed(ExpectedLifecycle.Take(action, kase, everyone, Times.After(kase)), ErrorKind.Conflict, "illegal_transition");
            Assert.Equal(before, CaseSnapshot.Of(kase));
        }
    }

    [Theory]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Referred)]
    [InlineData(CaseStatus.Closed)]
    public void EndedCase_StillTakesNotesWithoutReopening(CaseStatus status)
    {
        var kase = A.Case().InStatus(status).Build();

        Outcome.AssertSucceeded(kase.AddNote(Staff.Agent, Times.After(kase), "Customer called to say thanks."));

        Assert.Equal(status, kase.Status);
        Assert.False(kase.IsOpen);
    }
}
