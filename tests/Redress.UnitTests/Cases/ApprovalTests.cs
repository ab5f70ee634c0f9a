using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>R-WF-4: grade 1-2 plans need an executive's approval; grade 3-4 plans are implemented directly.</summary>
public sealed class ApprovalTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Implement_WhenGradeNeedsApprovalAndPlanIsOnlyProposed_IsRefused(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.SolutionProposed).Build();
        var before = CaseSnapshot.Of(kase);

        var result = kase.Implement(Staff.Handler, Times.After(kase), null);

        Outcome.AssertFailed(result, ErrorKind.Conflict, "approval_required");
        Assert.Equal(before, CaseSnapshot.Of(kase));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Approve_WhenGradeIsThreeOrFour_IsNotRequired(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.SolutionProposed).Build();
        var before = CaseSnapshot.Of(kase);

        var result = kase.Approve(Staff.Executive, Times.After(kase), "Fine.");

        Outcome.AssertFailed(result, ErrorKind.Conflict, "approval_not_required");
        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Null(kase.Solution!.Approved);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Reject_WhenGradeIsThreeOrFour_IsNotRequired(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.SolutionProposed).Build();

        Outcome.AssertFailed(kase.Reject(Staff.Executive, Times.After(kase), "No."), ErrorKind.Conflict, "approval_not_required");
        Assert.Equal(CaseStatus.SolutionProposed, kase.Status);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Implement_WhenGradeIsThreeOrFour_StartsStraightFromTheProposal(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.SolutionProposed).Build();

        Outcome.AssertSucceeded(kase.Implement(Staff.Handler, Times.After(kase), null));

        Assert.Equal(CaseStatus.Implementing, kase.Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Approve_WhenGradeIsOneOrTwo_RecordsTheDecisionAndAllowsImplementation(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.SolutionProposed).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.Approve(Staff.Executive, now, "Agreed, ship today."));

        Assert.Equal(CaseStatus.Approved, kase.Status);
        Assert.Equal((true, Staff.Executive.Name, now, "Agreed, ship today."),
            (kase.Solution!.Approved, kase.Solution.DecidedBy, kase.Solution.DecidedAt, kase.Solution.DecisionReason));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.SolutionApproved, CaseStatus.SolutionProposed, CaseStatus.Approved, "Agreed, ship today."),
            (entry.Event, entry.FromStatus, entry.ToStatus, entry.Text));

        Outcome.AssertSucceeded(kase.Implement(Staff.Handler, now.AddHours(1), null));
        Assert.Equal(CaseStatus.Implementing, kase.Status);
    }

    [Fact]
    public void Reject_SendsThePlanBackToInvestigationWithTheReason()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.SolutionProposed).Build();
        var version = kase.Version;
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.Reject(Staff.Executive, now, "Compensation does not cover the customer's costs."));

        Assert.Equal(CaseStatus.Investigating, kase.Status);
        Assert.Equal(version + 1, kase.Version);
        Assert.Equal((false, "Compensation does not cover the customer's costs."), (kase.Solution!.Approved, kase.Solution.DecisionReason));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.SolutionRejected, CaseStatus.SolutionProposed, CaseStatus.Investigating, "Compensation does not cover the customer's costs."),
            (entry.Event, entry.FromStatus, entry.ToStatus, entry.Text));
    }

    [Fact]
    public void ProposeSolution_AfterARejection_ReplacesThePlanAndAwaitsANewDecision()
    {
        var kase = A.Case().Graded(1).InStatus(CaseStatus.SolutionProposed).Build();
        Outcome.AssertSucceeded(kase.Reject(Staff.Executive, Times.After(kase), "Too little."));
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.ProposeSolution(Staff.Handler, now, Valid.Plan(now) with { CompensationAmount = 200m }));

        Assert.Equal(CaseStatus.SolutionProposed, kase.Status);
        Assert.Equal(200m, kase.Solution!.CompensationAmount);
        Assert.Null(kase.Solution.Approved);
        Outcome.AssertFailed(kase.Implement(Staff.Handler, Times.After(kase), null), ErrorKind.Conflict, "approval_required");
    }

    [Fact]
    public void Implement_WhenGradeWasRaisedToTwoAfterTheProposal_NeedsApproval()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.SolutionProposed).Build();
        Outcome.AssertSucceeded(kase.Classify(Staff.QualityManager, Times.After(kase), kase.CategoryId, 2, kase.Flags, "Media interest."));

        Outcome.AssertFailed(kase.Implement(Staff.Handler, Times.After(kase), null), ErrorKind.Conflict, "approval_required");
    }
}
