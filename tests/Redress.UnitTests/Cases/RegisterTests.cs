using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

public sealed class RegisterTests
{
    private static Result<Case> Register(NewCaseBuilder intake, Actor? actor = null) =>
        Case.Register(intake.Build(), "20260302-TEL-0001", actor ?? Staff.Agent, Times.Start, CasePolicy.Default);

    [Fact]
    public void Register_WithValidInput_IsReceivedAtVersionOne()
    {
        var kase = Register(A.NewCase().Graded(2)).Value;

        Assert.Equal(CaseStatus.Received, kase.Status);
        Assert.True(kase.IsOpen);
        Assert.Equal(1, kase.Version);
        Assert.Equal("20260302-TEL-0001", kase.Number);
        Assert.Equal("Kettle arrived cracked", kase.Subject);
        Assert.Equal("The box was crushed and the kettle inside is cracked.", kase.Description);
        Assert.Equal(Staff.Agent.UserId, kase.CreatedById);
        Assert.Equal((Times.Start, Times.Start), (kase.CreatedAt, kase.UpdatedAt));
        Assert.Equal(0, kase.ReopenCount);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(4, 15)]
    public void Register_DueAt_IsTheGradesResolutionDaysAfterRegistration(int grade, int days)
    {
        var kase = Register(A.NewCase().Graded(grade)).Value;

        Assert.Equal(Times.Start.AddDays(days), kase.DueAt);
    }

    [Fact]
    public void Register_AppendsOneRegisteredEntryIntoReceived()
    {
        var kase = Register(A.NewCase().Via(Channel.Web)).Value;

        var entry = Assert.Single(kase.Timeline);
        Assert.Equal(TimelineEvent.Registered, entry.Event);
        Assert.Null(entry.FromStatus);
        Assert.Equal(CaseStatus.Received, entry.ToStatus);
        Assert.Equal("WEB 20260302-TEL-0001", entry.Text);
        Assert.Equal((Staff.Agent.UserId, Staff.Agent.Name, Times.Start), (entry.ActorId, entry.ActorName, entry.At));
    }

    [Fact]
    public void Register_NormalisesTheCustomersKeys()
    {
        var kase = Register(A.NewCase().ReachableAt(phone: "+86 138-0013-8000", email: "  Li.Lei@Example.COM ")).Value;

        Assert.Equal("13800138000", kase.Customer.PhoneKey);
        Assert.Equal("li.lei@example.com", kase.Customer.EmailKey);
    }

    [Fact]
    public void Register_WithLeadAndAssistingDepartments_KeepsThem()
    {
        var kase = Register(A.NewCase().LedBy(Departments.Quality).AssistedBy(Departments.Logistics, Departments.Logistics)).Value;

        Assert.Equal(Departments.Quality, kase.LeadDepartmentId);
        Assert.Equal([Departments.Logistics], kase.AssistingDepartments.Select(a => a.DepartmentId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Register_WhenGradeIsOutOfRange_IsInvalid(int grade)
    {
        var error = Outcome.AssertFailed(Register(A.NewCase().Graded(grade)), ErrorKind.Validation, "grade_out_of_range");

        Assert.Equal("grade", error.Field);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", "\t")]
    public void Register_WithoutAnyContact_IsInvalid(string? phone, string? email, string? address)
    {
        var error = Outcome.AssertFailed(Register(A.NewCase().ReachableAt(phone, email, address)), ErrorKind.Validation, "contact_required");

        Assert.Equal("customer", error.Field);
    }

    [Theory]
    [InlineData("13800138000", null, null)]
    [InlineData(null, "li.lei@example.com", null)]
    [InlineData(null, null, "上海市浦东新区世纪大道 100 号")]
    public void Register_WithAnyOneContact_IsAccepted(string? phone, string? email, string? address) =>
        Outcome.AssertSucceeded(Plain(Register(A.NewCase().ReachableAt(phone, email, address))));

    [Fact]
    public void Register_WhenOccurredAtIsInTheFuture_IsInvalid()
    {
        var error = Outcome.AssertFailed(Register(A.NewCase().OccurredAt(Times.Start.AddHours(2))), ErrorKind.Validation, "occurred_in_future");

        Assert.Equal("occurredAt", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(60)]
    public void Register_WhenOccurredAtIsWithinAnHourAhead_IsAcceptedForClockSkew(int minutes) =>
        Outcome.AssertSucceeded(Plain(Register(A.NewCase().OccurredAt(Times.Start.AddMinutes(minutes)))));

    [Fact]
    public void Register_WithoutOccurredAt_IsAccepted() =>
        Outcome.AssertSucceeded(Plain(Register(A.NewCase().OccurredAt(null))));

    [Fact]
    public void Register_WhenLeadDepartmentAlsoAssists_IsInvalid() =>
        Outcome.AssertFailed(Register(A.NewCase().LedBy(Departments.Quality).AssistedBy(Departments.Quality)), ErrorKind.Validation, "lead_also_assisting");

    [Theory]
    [InlineData(Role.Agent, true)]
    [InlineData(Role.Handler, true)]
    [InlineData(Role.Lead, true)]
    [InlineData(Role.QualityManager, false)]
    [InlineData(Role.Executive, false)]
    [InlineData(Role.Admin, false)]
    [InlineData(Role.Auditor, false)]
    public void Register_ByRole_IsAllowedOnlyForFrontLineStaff(Role role, bool allowed)
    {
        var result = Register(A.NewCase(), Staff.Only(role));

        if (allowed) Outcome.AssertSucceeded(Plain(result));
        else Outcome.AssertFailed(result, ErrorKind.Forbidden, "role_not_allowed");
    }

    private static Result Plain(Result<Case> result) => result.IsSuccess ? Result.Success : result.Error!;
}
