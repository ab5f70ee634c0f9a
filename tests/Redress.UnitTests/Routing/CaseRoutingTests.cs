using System.Text.Json;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Routing;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Routing;

/// <summary>What routing may do to a case: fill in what intake left empty, on the record; never undo a person's choice.</summary>
public sealed class CaseRoutingTests
{
    private static readonly Candidate Wang = new(Staff.Handler.UserId, Staff.Handler.Name, false, 0);

    private static RouteDecision ByRule(Candidate? handler = null, params Skipped[] skipped) =>
        new(12, "质量问题", Departments.Quality, RoutingPolicy.RoundRobin, new HandlerPick(handler, skipped));

    [Fact]
    public void Route_SetsTheDepartmentAndHandler_InOneEntryByTheSystemNamingTheRule()
    {
        var kase = A.Case().Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.Route(ByRule(Wang, new Skipped("handler-2", "Chen Jie", SkipReason.Away)), now));

        Assert.Equal((Departments.Quality, Staff.Handler.UserId, Staff.Handler.Name, CaseStatus.Received, 2),
            (kase.LeadDepartmentId, kase.AssigneeId, kase.AssigneeName, kase.Status, kase.Version));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Routed, Actor.System.UserId, "质量问题"), (entry.Event, entry.ActorId, entry.Text));
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal(12, changes.RootElement.GetProperty("rule").GetProperty("id").GetInt32());
        Assert.Equal("RoundRobin", changes.RootElement.GetProperty("policy").GetString());
        Assert.Equal("Wang Fang", changes.RootElement.GetProperty("assignee").GetProperty("to").GetString());
        Assert.Equal("Away", changes.RootElement.GetProperty("skipped")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Route_KeepsTheDepartmentIntakeChose()
    {
        var kase = Case.Register(A.NewCase().LedBy(Departments.Sales).Build(), CaseBuilder.Number, Staff.Agent, Times.Start, CasePolicy.Default).Value;

        Outcome.AssertSucceeded(kase.Route(ByRule() with { DepartmentId = Departments.Quality }, Times.After(kase)));

        Assert.Equal(Departments.Sales, kase.LeadDepartmentId);
        Assert.Single(kase.Timeline);
    }

    [Fact]
    public void Route_WithNothingToDo_RecordsNothing()
    {
        var kase = A.Case().Build();

        Outcome.AssertSucceeded(kase.Route(new RouteDecision(null, null, null, RoutingPolicy.Manual, new HandlerPick(null, [])), Times.After(kase)));

        Assert.Equal((null, 1, 1), (kase.LeadDepartmentId, kase.Version, kase.Timeline.Count));
    }

    [Fact]
    public void Route_AfterRegistration_IsRefused()
    {
        var kase = A.Case().InStatus(CaseStatus.Acknowledged).Build();

        Outcome.AssertFailed(kase.Route(ByRule(Wang), Times.After(kase)), ErrorKind.Conflict, "routing_after_registration");
    }

    [Fact]
    public void ARoutedCase_IsAssignedOnAcknowledgement()
    {
        var kase = A.Case().Build();
        kase.Route(ByRule(Wang), Times.After(kase));

        Outcome.AssertSucceeded(kase.Acknowledge(Staff.Agent, Times.After(kase)));

        Assert.Equal(CaseStatus.Assigned, kase.Status);
        Outcome.AssertSucceeded(kase.StartInvestigation(Staff.Handler, Times.After(kase)));
    }

    [Fact]
    public void Assign_RefusesTheStaffMemberIntakeSaidTheComplaintIsAbout()
    {
        var kase = A.Case().Build();
        var about = new Assignee(Staff.OtherHandler.UserId, Staff.OtherHandler.Name, new HashSet<int>());
        kase.Route(new RouteDecision(null, null, null, RoutingPolicy.Manual, new HandlerPick(null, []), about), Times.After(kase));
        Assert.Equal((TimelineEvent.Routed, "Chen Jie"), (kase.Timeline[^1].Event, kase.AboutStaffName));
        kase.Acknowledge(Staff.Agent, Times.After(kase));

        Outcome.AssertFailed(kase.Assign(Staff.Lead, Times.After(kase), Departments.Quality, [], Staff.OtherHandler), ErrorKind.Validation, "handler_recused");
        // The lead's override to anyone else stands.
        Outcome.AssertSucceeded(kase.Assign(Staff.Lead, Times.After(kase), Departments.Quality, [], Staff.HandlerAsAssignee));
    }

    [Fact]
    public void IsAbout_AlsoReadsTheComplaintsText()
    {
        var kase = A.Case().Build();

        Assert.False(kase.IsAbout("someone", "Wang Fang"));
        Assert.True(kase.IsAbout("someone", "kettle inside"));
    }
}
