using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>R-WF-6 customer confirmation and R-WF-7 follow-up review (复查).</summary>
public sealed class ConfirmationAndReviewTests
{
    [Fact]
    public void RecordConfirmation_WhenNotSatisfied_ReopensWithTheReason()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.AwaitingConfirmation).Build();
        var version = kase.Version;
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RecordConfirmation(Staff.Agent, now, satisfied: false, 1, "The replacement is cracked too.", CasePolicy.Default));

        Assert.Equal(CaseStatus.Reopened, kase.Status);
        Assert.True(kase.IsOpen);
        Assert.Equal(1, kase.ReopenCount);
        Assert.Null(kase.ClosedAt);
        Assert.Equal(version + 1, kase.Version);
        Assert.Equal((false, 1, "The replacement is cracked too.", now),
            (kase.Confirmation!.Satisfied, kase.Confirmation.Satisfaction, kase.Confirmation.Comment, kase.Confirmation.RecordedAt));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Reopened, CaseStatus.AwaitingConfirmation, CaseStatus.Reopened, "The replacement is cracked too."),
            (entry.Event, entry.FromStatus, entry.ToStatus, entry.Text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordConfirmation_WhenNotSatisfiedWithoutAReason_IsInvalid(string? comment)
    {
        var kase = A.Case().InStatus(CaseStatus.AwaitingConfirmation).Build();
        var before = CaseSnapshot.Of(kase);

        var error = Outcome.AssertFailed(kase.RecordConfirmation(Staff.Agent, Times.After(kase), satisfied: false, 2, comment, CasePolicy.Default),
            ErrorKind.Validation, "reason_required");

        Assert.Equal("comment", error.Field);
        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Null(kase.Confirmation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void RecordConfirmation_WhenSatisfactionIsOutOfRange_IsInvalid(int satisfaction)
    {
        var kase = A.Case().InStatus(CaseStatus.AwaitingConfirmation).Build();

        Outcome.AssertFailed(kase.RecordConfirmation(Staff.Agent, Times.After(kase), satisfied: true, satisfaction, null, CasePolicy.Default),
            ErrorKind.Validation, "satisfaction_out_of_range");
        Assert.Equal(CaseStatus.AwaitingConfirmation, kase.Status);
    }

    [Fact]
    public void RecordConfirmation_WhenNotSatisfiedAgain_CountsEveryReopening()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Reopened).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.StartInvestigation(Staff.Handler, now));
        Outcome.AssertSucceeded(kase.ProposeSolution(Staff.Handler, now, Valid.Plan(now)));
        Outcome.AssertSucceeded(kase.Implement(Staff.Handler, now, null));
        Outcome.AssertSucceeded(kase.RequestConfirmation(Staff.Agent, now, null));
        Outcome.AssertSucceeded(kase.RecordConfirmation(Staff.Agent, now, satisfied: false, 1, "Still leaking.", CasePolicy.Default));

        Assert.Equal(CaseStatus.Reopened, kase.Status);
        Assert.Equal(2, kase.ReopenCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void RecordConfirmation_WhenSatisfiedAtGradeThreeOrFour_ClosesWithoutAReview(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.AwaitingConfirmation).Build();
        var version = kase.Version;
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RecordConfirmation(Staff.Agent, now, satisfied: true, 5, "Thanks.", CasePolicy.Default));

        Assert.Equal(CaseStatus.Closed, kase.Status);
        Assert.False(kase.IsOpen);
        Assert.Equal(now, kase.ClosedAt);
        Assert.Null(kase.Review);
        Assert.Equal(version + 2, kase.Version);
        Assert.Equal([TimelineEvent.CustomerSatisfied, TimelineEvent.Closed], kase.Timeline.TakeLast(2).Select(e => e.Event));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RecordConfirmation_WhenSatisfiedAtGradeOneOrTwo_SchedulesAReviewAfterThePolicysMonths(int grade)
    {
        var policy = new CasePolicy { ReviewAfterMonths = 6 };
        var kase = A.Case().Graded(grade).UnderPolicy(policy).InStatus(CaseStatus.AwaitingConfirmation).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RecordConfirmation(Staff.Agent, now, satisfied: true, 4, null, policy));

        Assert.Equal(CaseStatus.Closed, kase.Status);
        Assert.Equal(now.AddMonths(6), kase.Review!.DueAt);
        Assert.Null(kase.Review.Passed);
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.ReviewScheduled, CaseStatus.Closed, (CaseStatus?)null), (entry.Event, entry.FromStatus, entry.ToStatus));
        Assert.Contains("dueAt", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordConfirmation_WhenSatisfiedUnderTheDefaultPolicy_ReviewIsDueThreeMonthsLater()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.AwaitingConfirmation).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RecordConfirmation(Staff.Agent, now, satisfied: true, 4, null, CasePolicy.Default));

        Assert.Equal(now.AddMonths(3), kase.Review!.DueAt);
    }

    [Fact]
    public void RecordReview_WhenPassed_KeepsTheCaseClosed()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Closed).Build();
        var closedAt = kase.ClosedAt;
        var version = kase.Version;
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RecordReview(Staff.QualityManager, now, passed: true, "No repeat complaints in three months."));

        Assert.Equal(CaseStatus.Closed, kase.Status);
        Assert.Equal(closedAt, kase.ClosedAt);
        Assert.Equal(0, kase.ReopenCount);
        Assert.Equal(version + 1, kase.Version);
        Assert.Equal((true, "No repeat complaints in three months.", now, Staff.QualityManager.Name),
            (kase.Review!.Passed, kase.Review.Notes, kase.Review.ReviewedAt, kase.Review.ReviewedBy));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.ReviewPassed, CaseStatus.Closed, (CaseStatus?)null), (entry.Event, entry.FromStatus, entry.ToStatus));
    }

    [Fact]
    public void RecordReview_WhenFailed_ReopensTheCase()
    {
        var kase = A.Case().Graded(1).InStatus(CaseStatus.Closed).Build();
        var version = kase.Version;
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RecordReview(Staff.Lead, now, passed: false, "The same batch failed again."));

        Assert.Equal(CaseStatus.Reopened, kase.Status);
        Assert.True(kase.IsOpen);
        Assert.Null(kase.ClosedAt);
        Assert.Equal(1, kase.ReopenCount);
        Assert.False(kase.Review!.Passed);
        Assert.Equal(version + 2, kase.Version);
        Assert.Equal(
            [(TimelineEvent.ReviewFailed, CaseStatus.Closed, (CaseStatus?)null), (TimelineEvent.Reopened, CaseStatus.Closed, CaseStatus.Reopened)],
            kase.Timeline.TakeLast(2).Select(e => (e.Event, e.FromStatus!.Value, e.ToStatus)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RecordReview_ASecondTime_IsRefused(bool firstPassed)
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Closed).Build();
        Outcome.AssertSucceeded(kase.RecordReview(Staff.QualityManager, Times.After(kase), firstPassed, "First look."));
        if (!firstPassed) Assert.Equal(CaseStatus.Reopened, kase.Status);
        var before = CaseSnapshot.Of(kase);

        var result = kase.RecordReview(Staff.QualityManager, Times.After(kase), passed: true, "Second look.");

        Outcome.AssertFailed(result, ErrorKind.Conflict, firstPassed ? "no_review_due" : "illegal_transition");
        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Equal("First look.", kase.Review!.Notes);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void RecordReview_WhenGradeHadNoReviewScheduled_IsRefused(int grade)
    {
        var kase = A.Case().Graded(grade).InStatus(CaseStatus.Closed).Build();

        Outcome.AssertFailed(kase.RecordReview(Staff.QualityManager, Times.After(kase), passed: true, "Looks fine."), ErrorKind.Conflict, "no_review_due");
        Assert.Null(kase.Review);
    }

    [Fact]
    public void Close_AfterAFailedReview_SchedulesAFreshReview()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Closed).Build();
        Outcome.AssertSucceeded(kase.RecordReview(Staff.QualityManager, Times.After(kase), passed: false, "Fix did not hold."));
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.StartInvestigation(Staff.Handler, now));
        Outcome.AssertSucceeded(kase.ProposeSolution(Staff.Handler, now, Valid.Plan(now)));
        Outcome.AssertSucceeded(kase.Approve(Staff.Executive, now, null));
        Outcome.AssertSucceeded(kase.Implement(Staff.Handler, now, null));
        Outcome.AssertSucceeded(kase.RequestConfirmation(Staff.Agent, now, null));
        Outcome.AssertSucceeded(kase.RecordConfirmation(Staff.Agent, now, satisfied: true, 4, null, CasePolicy.Default));

        Assert.Equal(CaseStatus.Closed, kase.Status);
        Assert.Null(kase.Review!.Passed);
        Assert.Equal(now.AddMonths(3), kase.Review.DueAt);
        Outcome.AssertSucceeded(kase.RecordReview(Staff.QualityManager, Times.After(kase), passed: true, "Held this time."));
    }
}
