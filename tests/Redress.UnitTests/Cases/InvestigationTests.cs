using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>R-WF-3: investigation, root cause and responsibility; R-WF-4: the plan that follows.</summary>
public sealed class InvestigationTests
{
    [Fact]
    public void StartInvestigation_WithoutAnAssignee_IsRefused()
    {
        var kase = A.Case().WithoutHandler().InStatus(CaseStatus.Assigned).Build();
        var before = CaseSnapshot.Of(kase);

        Outcome.AssertFailed(kase.StartInvestigation(Staff.Handler, Times.After(kase)), ErrorKind.Conflict, "handler_required");

        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Null(kase.Investigation);
    }

    [Fact]
    public void StartInvestigation_WithAnAssignee_MovesToInvestigating()
    {
        var kase = A.Case().InStatus(CaseStatus.Assigned).Build();

        Outcome.AssertSucceeded(kase.StartInvestigation(Staff.Handler, Times.After(kase), "Asked the courier for the scan log."));

        Assert.Equal(CaseStatus.Investigating, kase.Status);
        Assert.NotNull(kase.Investigation);
        Assert.Equal("Asked the courier for the scan log.", kase.Timeline[^1].Text);
    }

    [Fact]
    public void ProposeSolution_WithoutFindings_IsRefused()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        var before = CaseSnapshot.Of(kase);
        var now = Times.After(kase);

        Outcome.AssertFailed(kase.ProposeSolution(Staff.Handler, now, Valid.Plan(now)), ErrorKind.Conflict, "findings_required");

        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Null(kase.Solution);
    }

    [Fact]
    public void ProposeSolution_WhenFactsAreBlank_IsRefused()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings() with { Facts = "  " }));
        var now = Times.After(kase);

        Outcome.AssertFailed(kase.ProposeSolution(Staff.Handler, now, Valid.Plan(now)), ErrorKind.Conflict, "findings_required");
    }

    [Fact]
    public void ProposeSolution_AfterFindings_StoresThePlan()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Investigating).Build();
        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings()));
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.ProposeSolution(Staff.Lead, now, Valid.Plan(now)));

        Assert.Equal(CaseStatus.SolutionProposed, kase.Status);
        var plan = kase.Solution!;
        Assert.Equal((50m, "CNY", "Wang Fang", now.AddDays(7), now, Staff.Lead.Name),
            (plan.CompensationAmount, plan.Currency, plan.ResponsiblePerson, plan.Deadline, plan.ProposedAt, plan.ProposedBy));
        Assert.Contains("\"approvalRequired\":true", kase.Timeline[^1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public void ProposeSolution_WithNegativeCompensation_IsInvalid() =>
        AssertPlanRefused(now => Valid.Plan(now) with { CompensationAmount = -1m }, "negative_compensation");

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ProposeSolution_WithCompensationButNoCurrency_IsInvalid(string? currency) =>
        AssertPlanRefused(now => Valid.Plan(now) with { Currency = currency }, "currency_required");

    [Fact]
    public void ProposeSolution_WithoutCompensation_NeedsNoCurrency()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings()));
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.ProposeSolution(Staff.Handler, now, Valid.Plan(now) with { CompensationAmount = null, Currency = null }));
    }

    [Fact]
    public void ProposeSolution_WithADeadlineInThePast_IsInvalid() =>
        AssertPlanRefused(now => Valid.Plan(now) with { Deadline = now.AddMinutes(-1) }, "deadline_past");

    [Fact]
    public void RecordFindings_WithFiveWhysButNoWhys_IsInvalid() =>
        AssertFindingsRefused(Valid.Findings() with { RootCauseMethod = RootCauseMethod.FiveWhys, Whys = [] }, "whys_required", "whys");

    [Fact]
    public void RecordFindings_WithFishboneButNoFactor_IsInvalid() =>
        AssertFindingsRefused(Valid.Findings() with { RootCauseMethod = RootCauseMethod.Fishbone, FishboneFactor = null }, "factor_required", "fishboneFactor");

    [Fact]
    public void RecordFindings_WithFishboneAndAFactor_IsAccepted()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();

        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase),
            Valid.Findings() with { RootCauseMethod = RootCauseMethod.Fishbone, Whys = [], FishboneFactor = FishboneFactor.Material }));

        Assert.Equal(FishboneFactor.Material, kase.Investigation!.FishboneFactor);
    }

    [Theory]
    [InlineData(60, 30)]
    [InlineData(60, 50)]
    [InlineData(99.5, 0.4)]
    public void RecordFindings_WhenSharesDoNotAddUpTo100_IsInvalid(double first, double second) =>
        AssertFindingsRefused(Valid.Findings() with
        {
            Responsibilities =
            [
                new Responsibility { DepartmentId = Departments.Logistics, SharePercent = (decimal)first },
                new Responsibility { Person = "Courier", SharePercent = (decimal)second },
            ],
        }, "shares_not_100", "responsibilities");

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(101)]
    public void RecordFindings_WithAShareOutOfRange_IsInvalid(double share) =>
        AssertFindingsRefused(Valid.Findings() with
        {
            Responsibilities = [new Responsibility { DepartmentId = Departments.Logistics, SharePercent = (decimal)share }],
        }, "responsibility_invalid", "responsibilities");

    [Fact]
    public void RecordFindings_WithAResponsibilityNamingNobody_IsInvalid() =>
        AssertFindingsRefused(Valid.Findings() with
        {
            Responsibilities = [new Responsibility { Person = " ", SharePercent = 100 }],
        }, "responsibility_invalid", "responsibilities");

    [Fact]
    public void RecordFindings_WithSharesAddingUpTo100_StoresTheInvestigation()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        var findings = Valid.Findings() with
        {
            Responsibilities =
            [
                new Responsibility { DepartmentId = Departments.Logistics, SharePercent = 33.4m },
                new Responsibility { DepartmentId = Departments.Sales, SharePercent = 33.3m },
                new Responsibility { Person = "Courier", SharePercent = 33.3m },
            ],
        };

        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), findings));

        var investigation = kase.Investigation!;
        Assert.Equal(findings.Facts, investigation.Facts);
        Assert.Equal((RootCauseMethod.FiveWhys, findings.RootCause), (investigation.RootCauseMethod, investigation.RootCause));
        Assert.Equal(findings.Whys, investigation.Whys);
        Assert.Equal(3, investigation.Responsibilities.Count);
        Assert.Equal(CaseStatus.Investigating, kase.Status);
        Assert.Equal(findings.RootCause, kase.Timeline[^1].Text);
    }

    [Fact]
    public void RecordFindings_WithoutResponsibilities_IsAccepted()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();

        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings() with { Responsibilities = [] }));
    }

    [Fact]
    public void RecordFindings_ASecondTime_ReplacesTheFirstButKeepsTheEvidence()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        Outcome.AssertSucceeded(kase.AddEvidence(Staff.Handler, Times.After(kase), "Courier scan log", "courier", 42));
        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings()));

        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings() with { Facts = "Revised.", Whys = ["Only one."] }));

        Assert.Equal(("Revised.", 1), (kase.Investigation!.Facts, kase.Investigation.Whys.Count));
        var evidence = Assert.Single(kase.Investigation.Evidence);
        Assert.Equal(("Courier scan log", 42L), (evidence.Description, evidence.AttachmentId));
    }

    private static void AssertFindingsRefused(Findings findings, string code, string field)
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        var before = CaseSnapshot.Of(kase);

        var error = Outcome.AssertFailed(kase.RecordFindings(Staff.Handler, Times.After(kase), findings), ErrorKind.Validation, code);

        Assert.Equal(field, error.Field);
        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Equal("", kase.Investigation!.Facts);
    }

    private static void AssertPlanRefused(Func<DateTime, PlanProposal> plan, string code)
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        Outcome.AssertSucceeded(kase.RecordFindings(Staff.Handler, Times.After(kase), Valid.Findings()));
        var before = CaseSnapshot.Of(kase);
        var now = Times.After(kase);

        Outcome.AssertFailed(kase.ProposeSolution(Staff.Handler, now, plan(now)), ErrorKind.Validation, code);

        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Null(kase.Solution);
    }
}
