using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;
using static Redress.UnitTests.Cases.ExpectedLifecycle;

namespace Redress.UnitTests.Cases;

/// <summary>Every action × every status × every role, taken on a real case in that status.</summary>
public sealed class LifecycleMatrixTests
{
    public static TheoryData<CaseAction, CaseStatus, Role> EveryActionStatusAndRole()
    {
        var data = new TheoryData<CaseAction, CaseStatus, Role>();
        foreach (var action in Enum.GetValues<CaseAction>())
            foreach (var status in Enum.GetValues<CaseStatus>())
                foreach (var role in Enum.GetValues<Role>())
                    data.Add(action, status, role);
        return data;
    }

    public static TheoryData<CaseStatus, Role> EveryStatusAndRole()
    {
        var data = new TheoryData<CaseStatus, Role>();
        foreach (var status in Enum.GetValues<CaseStatus>())
            foreach (var role in Enum.GetValues<Role>())
                data.Add(status, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionStatusAndRole))]
    public void Action_ByRoleInStatus_FollowsTheLifecycleTable(CaseAction action, CaseStatus status, Role role)
    {
        var grade = GradeFor(action, status);
        var kase = A.Case().Graded(grade).InStatus(status).Build();
        var actor = Staff.Only(role);
        var now = Times.After(kase);
        Prepare(action, kase, now);
        var before = CaseSnapshot.Of(kase);
        var timelineBefore = kase.Timeline.Count;

        var result = Take(action, kase, actor, now);

        if (!Allows(action, role))
        {
            Outcome.AssertFailed(result, ErrorKind.Forbidden, "role_not_allowed");
            Assert.Equal(before, CaseSnapshot.Of(kase));
        }
        else if (!Allows(action, status))
        {
            Outcome.AssertFailed(result, ErrorKind.Conflict, "illegal_transition");
            Assert.Equal(before, CaseSnapshot.Of(kase));
        }
        else if (DataRuleFor(action, status) is { } rule)
        {
            Outcome.AssertFailed(result, rule.Kind, rule.Code);
            Assert.Equal(before, CaseSnapshot.Of(kase));
        }
        else
        {
            Outcome.AssertSucceeded(result);
            var expected = EntriesFor(action, status, grade);
            var appended = kase.Timeline.Skip(timelineBefore).ToList();
            Assert.Equal(expected, appended.Select(Entry.Of));
            Assert.All(appended, e => Assert.Equal((actor.UserId, now), (e.ActorId, e.At)));
            Assert.Equal(before.Version + expected.Count, kase.Version);
            Assert.Equal(expected.LastOrDefault(e => e.To is not null)?.To ?? status, kase.Status);
            Assert.Equal(kase.Status.IsOpen(), kase.IsOpen);
            Assert.Equal(now, kase.UpdatedAt);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndRole))]
    public void AvailableActions_ForRoleInStatus_AreExactlyThoseTheTableAllows(CaseStatus status, Role role)
    {
        var kase = A.Case().Graded(2).InStatus(status).Build();

        var available = kase.AvailableActions(Staff.Only(role)).Order();

        var expected = Enum.GetValues<CaseAction>().Where(a => Allows(a, role) && Allows(a, status)).Order();
        Assert.Equal(expected, available);
    }

    [Fact]
    public void Lifecycle_RolesAndStatesFor_MatchTheExpectedTable()
    {
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            Assert.Equal(Table[action].Roles.Order(), Lifecycle.RolesFor(action).Order());
            Assert.Equal(Table[action].From.Order(), Lifecycle.StatesFor(action).Order());
        }
    }

    [Fact]
    public void Check_WhenRoleIsForbiddenAndStateIsWrong_IsForbiddenNotConflict()
    {
        var error = Lifecycle.Check(CaseAction.Approve, CaseStatus.Received, Staff.Agent);

        Assert.Equal(ErrorKind.Forbidden, error?.Kind);
    }

    [Fact]
    public void Check_WhenActorHasOneAllowedRoleAmongOthers_IsAllowed()
    {
        var actor = Staff.WithRoles(Role.Auditor, Role.Executive);

        Assert.Null(Lifecycle.Check(CaseAction.Approve, CaseStatus.SolutionProposed, actor));
    }

    [Fact]
    public void Check_WhenActorHasNoRole_IsForbidden()
    {
        var error = Lifecycle.Check(CaseAction.AddNote, CaseStatus.Received, Staff.WithRoles());

        Assert.Equal(ErrorKind.Forbidden, error?.Kind);
    }
}
