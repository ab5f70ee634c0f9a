using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>R-SEC-1: handlers and leads see their departments' cases; other staff roles read everything.</summary>
public sealed class VisibilityTests
{
    private static readonly Case Assigned =
        A.Case().LedBy(Departments.Quality).AssistedBy(Departments.Logistics).InStatus(CaseStatus.Assigned).Build();

    [Theory]
    [InlineData(Role.Handler, Departments.Quality, true)]
    [InlineData(Role.Handler, Departments.Logistics, true)]
    [InlineData(Role.Handler, Departments.Sales, false)]
    [InlineData(Role.Lead, Departments.Quality, true)]
    [InlineData(Role.Lead, Departments.Logistics, true)]
    [InlineData(Role.Lead, Departments.Sales, false)]
    public void IsVisibleTo_DepartmentScopedRole_SeesOnlyCasesItsDepartmentsLeadOrAssist(Role role, int department, bool visible) =>
        Assert.Equal(visible, Assigned.IsVisibleTo(Staff.In(role, department)));

    [Theory]
    [InlineData(Role.Agent)]
    [InlineData(Role.QualityManager)]
    [InlineData(Role.Executive)]
    [InlineData(Role.Admin)]
    [InlineData(Role.Auditor)]
    public void IsVisibleTo_OrganisationWideRole_SeesEveryCase(Role role)
    {
        var unassigned = A.Case().Build();

        Assert.True(Assigned.IsVisibleTo(Staff.In(role, Departments.Sales)));
        Assert.True(unassigned.IsVisibleTo(Staff.In(role)));
    }

    [Theory]
    [InlineData(Role.Handler)]
    [InlineData(Role.Lead)]
    public void IsVisibleTo_DepartmentScopedRole_DoesNotSeeUnassignedCases(Role role) =>
        Assert.False(A.Case().Build().IsVisibleTo(Staff.In(role, Departments.Quality, Departments.Logistics, Departments.Sales)));

    [Fact]
    public void IsVisibleTo_HandlerInSeveralDepartments_SeesCasesOfAnyOfThem() =>
        Assert.True(Assigned.IsVisibleTo(Staff.In(Role.Handler, Departments.Sales, Departments.Logistics)));

    [Fact]
    public void IsVisibleTo_HandlerWhoIsAlsoAnAgent_SeesEveryCase() =>
        Assert.True(Assigned.IsVisibleTo(Staff.WithRoles(Role.Handler, Role.Agent)));

    [Fact]
    public void IsVisibleTo_ActorWithoutRoles_SeesOnlyItsDepartmentsCases()
    {
        Assert.False(Assigned.IsVisibleTo(Staff.WithRoles()));
    }

    [Fact]
    public void IsVisibleTo_AfterReassignmentToAnotherDepartment_FollowsTheCase()
    {
        var kase = A.Case().LedBy(Departments.Quality).InStatus(CaseStatus.Investigating).Build();
        var salesHandler = new Assignee("handler-7", "Xu Lei", new HashSet<int> { Departments.Sales });

        Outcome.AssertSucceeded(kase.Assign(Staff.Agent, Times.After(kase), Departments.Sales, [], salesHandler));

        Assert.False(kase.IsVisibleTo(Staff.In(Role.Handler, Departments.Quality)));
        Assert.True(kase.IsVisibleTo(Staff.In(Role.Handler, Departments.Sales)));
    }
}
