using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>A complaint from registration to closing, one step at a time, as the business walks it.</summary>
public sealed class HappyPathTests
{
    [Fact]
    public void Case_WhenGradeIsThree_GoesToClosedWithoutApproval()
    {
        var kase = A.Case().Graded(3).Build();
        var now = Times.After(kase);

        Step(kase.Acknowledge(Staff.Agent, now = now.AddHours(1)), kase, CaseStatus.Acknowledged);
        Step(kase.Assign(Staff.Agent, now = now.AddHours(1), Departments.Quality, [Departments.Logistics], Staff.HandlerAsAssignee), kase, CaseStatus.Assigned);
        Step(kase.StartInvestigation(Staff.Handler, now = now.AddHours(1)), kase, CaseStatus.Investigating);
        Step(kase.RecordFindings(Staff.Handler, now = now.AddHours(1), Valid.Findings()), kase, CaseStatus.Investigating);
        Step(kase.AddEvidence(Staff.Handler, now = now.AddHours(1), "Courier's damage report", "courier", null), kase, CaseStatus.Investigating);
        Step(kase.ProposeSolution(Staff.Handler, now = now.AddHours(1), Valid.Plan(now)), kase, CaseStatus.SolutionProposed);
        Assert.False(kase.RequiresApproval);
        Step(kase.Implement(Staff.Handler, now = now.AddHours(1), "Replacement shipped."), kase, CaseStatus.Implementing);
        Step(kase.RequestConfirmation(Staff.Agent, now = now.AddHours(1), null), kase, CaseStatus.AwaitingConfirmation);
        Step(kase.RecordConfirmation(Staff.Agent, now = now.AddHours(1), satisfied: true, 5, "Thanks!", CasePolicy.Default), kase, CaseStatus.Closed);

        Assert.False(kase.IsOpen);
        Assert.Equal(now, kase.ClosedAt);
        Assert.Null(kase.Review);
        Assert.Equal(
        [
            TimelineEvent.Registered, TimelineEvent.Acknowledged, TimelineEvent.Assigned, TimelineEvent.InvestigationStarted,
            TimelineEvent.FindingsRecorded, TimelineEvent.EvidenceAdded, TimelineEvent.SolutionProposed,
            TimelineEvent.ImplementationStarted, TimelineEvent.ConfirmationRequested, TimelineEvent.CustomerSatisfied,
            TimelineEvent.Closed,
        ], kase.Timeline.Select(e => e.Event));
        Assert.Equal(kase.Timeline.Count, kase.Version);
    }

    [Fact]
    public void Case_WhenGradeIsTwo_GoesToClosedThroughApprovalAndSchedulesAReview()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Investigating).Build();
        var now = Times.After(kase);

        Step(kase.RecordFindings(Staff.Handler, now = now.AddHours(1), Valid.Findings()), kase, CaseStatus.Investigating);
        Step(kase.ProposeSolution(Staff.Handler, now = now.AddHours(1), Valid.Plan(now)), kase, CaseStatus.SolutionProposed);
        Assert.True(kase.RequiresApproval);
        Step(kase.Approve(Staff.Executive, now = now.AddHours(1), "Go ahead."), kase, CaseStatus.Approved);
        Step(kase.Implement(Staff.Lead, now = now.AddHours(1), null), kase, CaseStatus.Implementing);
        Step(kase.RequestConfirmation(Staff.Agent, now = now.AddHours(1), null), kase, CaseStatus.AwaitingConfirmation);
        Step(kase.RecordConfirmation(Staff.Agent, now = now.AddHours(1), satisfied: true, 4, null, CasePolicy.Default), kase, CaseStatus.Closed);

        Assert.Equal(now.AddMonths(3), kase.Review?.DueAt);
        Assert.Equal(
        [
            TimelineEvent.Registered, TimelineEvent.Acknowledged, TimelineEvent.Assigned, TimelineEvent.InvestigationStarted,
            TimelineEvent.FindingsRecorded, TimelineEvent.SolutionProposed, TimelineEvent.SolutionApproved,
            TimelineEvent.ImplementationStarted, TimelineEvent.ConfirmationRequested, TimelineEvent.CustomerSatisfied,
            TimelineEvent.Closed, TimelineEvent.ReviewScheduled,
        ], kase.Timeline.Select(e => e.Event));
        Assert.Equal(kase.Timeline.Count, kase.Version);
    }

    [Fact]
    public void Timeline_StatusChanges_ChainFromEachOther()
    {
        var kase = A.Case().Graded(1).InStatus(CaseStatus.Closed).Build();

        var changes = kase.Timeline.Where(e => e.ToStatus is not null).ToList();

        Assert.Null(changes[0].FromStatus);
        for (var i = 1; i < changes.Count; i++) Assert.Equal(changes[i - 1].ToStatus, changes[i].FromStatus);
        Assert.Equal(CaseStatus.Closed, changes[^1].ToStatus);
    }

    private static void Step(Result result, Case kase, CaseStatus expected)
    {
        Outcome.AssertSucceeded(result);
        Assert.Equal(expected, kase.Status);
    }
}
