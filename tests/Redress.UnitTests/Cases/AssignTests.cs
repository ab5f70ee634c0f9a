using System.Text.Json;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>分派 (R-WF-2): a lead department (主导部门), assisting departments (协办部门) and a handler.</summary>
public sealed class AssignTests
{
    [Fact]
    public void Assign_WhenAcknowledged_MovesToAssigned()
    {
        var kase = A.Case().InStatus(CaseStatus.Acknowledged).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.Assign(Staff.Lead, now, Departments.Quality, [Departments.Logistics], Staff.HandlerAsAssignee, "Urgent, customer is a repeat buyer."));

        Assert.Equal(CaseStatus.Assigned, kase.Status);
        Assert.Equal(Departments.Quality, kase.LeadDepartmentId);
        Assert.Equal([Departments.Logistics], kase.AssistingDepartments.Select(a => a.DepartmentId));
        Assert.Equal((Staff.Handler.UserId, Staff.Handler.Name), (kase.AssigneeId, kase.AssigneeName));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Assigned, CaseStatus.Acknowledged, CaseStatus.Assigned, "Urgent, customer is a repeat buyer."),
            (entry.Event, entry.FromStatus, entry.ToStatus, entry.Text));
    }

    [Fact]
    public void Assign_ToADepartmentOnly_LeavesTheCaseWithoutAHandler()
    {
        var kase = A.Case().InStatus(CaseStatus.Acknowledged).Build();

        Outcome.AssertSucceeded(kase.Assign(Staff.Agent, Times.After(kase), Departments.Quality, [], handler: null));

        Assert.Equal(CaseStatus.Assigned, kase.Status);
        Assert.Null(kase.AssigneeId);
    }

    [Fact]
    public void Assign_WhenHandlerIsNotInTheLeadDepartment_IsInvalid()
    {
        var kase = A.Case().InStatus(CaseStatus.Acknowledged).Build();
        var before = CaseSnapshot.Of(kase);

        var error = Outcome.AssertFailed(kase.Assign(Staff.Agent, Times.After(kase), Departments.Logistics, [], Staff.HandlerAsAssignee),
            ErrorKind.Validation, "handler_not_in_department");

        Assert.Equal("handlerId", error.Field);
        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Null(kase.LeadDepartmentId);
    }

    [Fact]
    public void Assign_WhenHandlerIsOnlyInAnAssistingDepartment_IsInvalid()
    {
        var kase = A.Case().InStatus(CaseStatus.Acknowledged).Build();
        var logisticsHandler = new Assignee("handler-9", "Liu Yang", new HashSet<int> { Departments.Logistics });

        Outcome.AssertFailed(kase.Assign(Staff.Agent, Times.After(kase), Departments.Quality, [Departments.Logistics], logisticsHandler),
            ErrorKind.Validation, "handler_not_in_department");
    }

    [Fact]
    public void Assign_WhenLeadDepartmentAlsoAssists_IsInvalid()
    {
        var kase = A.Case().InStatus(CaseStatus.Acknowledged).Build();
        var before = CaseSnapshot.Of(kase);

        var error = Outcome.AssertFailed(kase.Assign(Staff.Agent, Times.After(kase), Departments.Quality, [Departments.Logistics, Departments.Quality], Staff.HandlerAsAssignee),
            ErrorKind.Validation, "lead_also_assisting");

        Assert.Equal("assistingDepartmentIds", error.Field);
        Assert.Equal(before, CaseSnapshot.Of(kase));
    }

    [Theory]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.Investigating)]
    [InlineData(CaseStatus.Reopened)]
    public void Assign_Later_ChangesTheHandlerButKeepsTheStatus(CaseStatus status)
    {
        var kase = A.Case().InStatus(status).Build();
        var version = kase.Version;

        Outcome.AssertSucceeded(kase.Assign(Staff.Lead, Times.After(kase), Departments.Quality, [], Staff.OtherHandler, "Wang Fang is on leave."));

        Assert.Equal(status, kase.Status);
        Assert.Equal(version + 1, kase.Version);
        Assert.Equal((Staff.OtherHandler.UserId, Staff.OtherHandler.Name), (kase.AssigneeId, kase.AssigneeName));
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Assigned, status, (CaseStatus?)null), (entry.Event, entry.FromStatus, entry.ToStatus));
    }

    [Fact]
    public void Assign_Later_ReplacesTheAssistingDepartments()
    {
        var kase = A.Case().AssistedBy(Departments.Logistics).InStatus(CaseStatus.Investigating).Build();

        Outcome.AssertSucceeded(kase.Assign(Staff.Lead, Times.After(kase), Departments.Quality, [Departments.Sales, Departments.Sales], Staff.HandlerAsAssignee));

        Assert.Equal([Departments.Sales], kase.AssistingDepartments.Select(a => a.DepartmentId));
    }

    [Fact]
    public void Assign_Later_RecordsWhatChangedFromWhatInTheTimeline()
    {
        var kase = A.Case().AssistedBy(Departments.Logistics).InStatus(CaseStatus.Investigating).Build();

        Outcome.AssertSucceeded(kase.Assign(Staff.Lead, Times.After(kase), Departments.Quality, [Departments.Sales], Staff.OtherHandler));

        using var changes = JsonDocument.Parse(kase.Timeline[^1].Changes!);
        var root = changes.RootElement;
        Assert.Equal(Departments.Quality, root.GetProperty("leadDepartmentId").GetProperty("from").GetInt32());
        Assert.Equal([Departments.Logistics], Ints(root.GetProperty("assistingDepartmentIds").GetProperty("from")));
        Assert.Equal([Departments.Sales], Ints(root.GetProperty("assistingDepartmentIds").GetProperty("to")));
        Assert.Equal(Staff.Handler.Name, root.GetProperty("assignee").GetProperty("from").GetString());
        Assert.Equal(Staff.OtherHandler.Name, root.GetProperty("assignee").GetProperty("to").GetString());
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
