using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>The customer as an actor on the portal (R-WF-6, R-AN-5) and the satisfaction survey.</summary>
public sealed class CustomerOnThePortalTests
{
    [Fact]
    public void Customer_SeesOnlyTheirOwnCase_WhateverItsDepartment()
    {
        var kase = A.Case().Build();   // unsaved: id 0

        Assert.True(kase.IsVisibleTo(Actor.Customer("张敏", kase.Id)));
        Assert.False(kase.IsVisibleTo(Actor.Customer("张敏", kase.Id + 1)));
        Assert.False(kase.IsVisibleTo(Actor.Customer("张敏")));
    }

    [Fact]
    public void Customer_MayAnswerAndConfirm_ButNotHandle()
    {
        var customer = Actor.Customer("张敏", 1);

        Assert.Equal([CaseAction.RecordConfirmation, CaseAction.AddCommunication, CaseAction.AddAttachment],
            Lifecycle.Available(CaseStatus.AwaitingConfirmation, customer).ToArray());
        Assert.Equal([CaseAction.AddCommunication, CaseAction.AddAttachment], Lifecycle.Available(CaseStatus.Investigating, customer).ToArray());
        Assert.Contains(Role.Customer, Lifecycle.Registrars);
    }

    [Fact]
    public void RateHandling_OnAClosedCase_StoresTheFiveScoresOnce()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Closed).Build();
        var customer = Actor.Customer("张敏", kase.Id);
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.RateHandling(customer, now, 4, 5, 3, 4, 5, "处理及时"));
        var again = Outcome.AssertFailed(kase.RateHandling(customer, now.AddMinutes(1), 1, 1, 1, 1, 1, null), ErrorKind.Conflict, "already_rated");

        var r = kase.Confirmation!.Ratings!;
        Assert.Equal((4, 5, 3, 4, 5, "处理及时", now, "张敏"), (r.Speed, r.Effect, r.Attitude, r.Transparency, r.Overall, r.Comment, r.RatedAt, r.RatedBy));
        Assert.Equal(TimelineEvent.HandlingRated, kase.Timeline[^1].Event);
        Assert.Equal(CaseStatus.Closed, kase.Status);
        Assert.NotNull(again);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void RateHandling_RefusesScoresOutsideOneToFive(int score)
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Closed).Build();

        Outcome.AssertFailed(kase.RateHandling(Staff.Agent, Times.After(kase), 4, score, 4, 4, 4, null), ErrorKind.Validation, "rating_out_of_range");

        Assert.Null(kase.Confirmation!.Ratings);
    }

    [Fact]
    public void RateHandling_BeforeClosing_IsRefused()
    {
        var kase = A.Case().InStatus(CaseStatus.AwaitingConfirmation).Build();

        Outcome.AssertFailed(kase.RateHandling(Staff.Agent, Times.After(kase), 4, 4, 4, 4, 4, null), ErrorKind.Conflict, "illegal_transition");
    }
}
