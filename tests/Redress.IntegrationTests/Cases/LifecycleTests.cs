using System.Net;
using System.Text.RegularExpressions;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>The main road of R-WF-1 through the API, with the timeline it leaves behind.</summary>
public abstract partial class LifecycleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task GradeTwo_FromRegistrationToClosing_IsApprovedByTheExecutiveAndScheduledForReview()
    {
        var ids = app.Ids;
        var (agent, handler, executive, quality) = (await app.SignInAsync("agent"), await app.SignInAsync("handler"), await app.SignInAsync("executive"), await app.SignInAsync("quality"));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var c = await agent.RegisterAsync(A.Case().Graded(2).Via(Channel.Email).Build());
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Matches(NumberPattern(), c.Number);
        Assert.Contains("-EML-", c.Number);
        Assert.True(c.ApprovalRequired);
        // R-SLA-1: a grade 2 case runs on the major policy; its due date is the resolution clock's.
        var resolution = Assert.Single(c.Clocks, k => k.Target == SlaTarget.Resolution);
        Assert.Equal(("major", new TimeLimit(5, SlaUnit.WorkingDays), now, c.DueAt), (resolution.PolicyKey, resolution.Limit, resolution.StartedAt, resolution.DueAt));
        Assert.Equal(now.AddHours(1), Assert.Single(c.Clocks, k => k.Target == SlaTarget.SupervisorReport).DueAt);
        // R-IN-4: the acknowledgement promises the major policy's first update, 24 hours on.
        Assert.Equal(now.AddHours(24), c.PromisedReplyAt);

        c = await agent.DoAsync(c.Id, "acknowledge", Bodies.Note("Called back, gave the case number."));
        Assert.Equal(CaseStatus.Acknowledged, c.Status);
        Assert.NotNull(c.AcknowledgedAt);
        c = await agent.DoAsync(c.Id, "assign", Bodies.Assign(ids.AfterSales, ids.UserId("handler")));
        Assert.Equal((CaseStatus.Assigned, "AFTERSALES", ids.UserId("handler")), (c.Status, c.LeadDepartment?.Code, c.Assignee?.Id));
        c = await handler.DoAsync(c.Id, "start-investigation", Bodies.Note());
        Assert.Equal(CaseStatus.Investigating, c.Status);
        c = await handler.DoAsync(c.Id, "findings", Bodies.Findings());
        Assert.Equal(Bodies.Findings().Facts, c.Investigation?.Facts);
        Assert.Equal(5, c.Investigation?.Whys.Count);
        c = await handler.DoAsync(c.Id, "evidence", Bodies.Evidence());
        Assert.Equal("Photo of the cracked lid", Assert.Single(c.Investigation!.Evidence).Description);
        await agent.DoAsync(c.Id, "communications", Bodies.Call());
        await handler.DoAsync(c.Id, "notes", Bodies.Text("Asked the warehouse for packing photos."));
        c = await handler.DoAsync(c.Id, "propose-solution", Bodies.Solution());
        Assert.Equal((CaseStatus.SolutionProposed, 120m, "CNY"), (c.Status, c.Solution?.CompensationAmount, c.Solution?.Currency));

        var early = await handler.ActAsync(c.Id, "implement", Bodies.Note(), (await handler.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("approval_required", (await Expect.ProblemAsync(early, HttpStatusCode.Conflict)).Code);

        c = await executive.DoAsync(c.Id, "approve", Bodies.Note("同意该处理方案。"));
        Assert.Equal((CaseStatus.Approved, true), (c.Status, c.Solution?.Approved));
        c = await handler.DoAsync(c.Id, "implement", Bodies.Note());
        Assert.Equal(CaseStatus.Implementing, c.Status);
        c = await handler.DoAsync(c.Id, "request-confirmation", Bodies.Note());
        Assert.Equal(CaseStatus.AwaitingConfirmation, c.Status);
        c = await agent.DoAsync(c.Id, "confirmation", Bodies.Satisfied());
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(now, c.ClosedAt);
        Assert.True(c.Confirmation?.Satisfied);
        Assert.Equal(now.AddMonths(3), c.Review?.DueAt);
        Assert.Null(c.Review?.Passed);

        c = await quality.DoAsync(c.Id, "review", Bodies.Review(passed: true));
        Assert.Equal((CaseStatus.Closed, true), (c.Status, c.Review?.Passed));

        var timeline = await agent.TimelineAsync(c.Id);
        AssertTimeline(timeline,
            (TimelineEvent.Registered, "agent"), (TimelineEvent.Acknowledged, "agent"), (TimelineEvent.Assigned, "agent"),
            (TimelineEvent.InvestigationStarted, "handler"), (TimelineEvent.FindingsRecorded, "handler"), (TimelineEvent.EvidenceAdded, "handler"),
            (TimelineEvent.CommunicationAdded, "agent"), (TimelineEvent.NoteAdded, "handler"), (TimelineEvent.SolutionProposed, "handler"),
            (TimelineEvent.SolutionApproved, "executive"), (TimelineEvent.ImplementationStarted, "handler"), (TimelineEvent.ConfirmationRequested, "handler"),
            (TimelineEvent.CustomerSatisfied, "agent"), (TimelineEvent.Closed, "agent"), (TimelineEvent.ReviewScheduled, "agent"),
            (TimelineEvent.ReviewPassed, "quality"));
        Assert.Equal("同意该处理方案。", timeline.Single(t => t.Event == TimelineEvent.SolutionApproved).Text);
        Assert.Equal(timeline.Count, c.Version); // version 1 at registration, one more per change
    }

    [Fact]
    public async Task Reject_SendsThePlanBackToInvestigation_AndASecondPlanCanBeApproved()
    {
        var (handler, executive) = (await app.SignInAsync("handler"), await app.SignInAsync("executive"));
        var c = await new CaseSteps(app).ToAsync(CaseStatus.SolutionProposed, grade: 1);

        c = await executive.DoAsync(c.Id, "reject", Bodies.Reason("Compensation too low for a safety case."));
        Assert.Equal((CaseStatus.Investigating, false), (c.Status, c.Solution?.Approved));
        Assert.Equal("Compensation too low for a safety case.", c.Solution?.DecisionReason);
        var rejected = (await executive.TimelineAsync(c.Id))[^1];
        Assert.Equal((TimelineEvent.SolutionRejected, CaseStatus.SolutionProposed, CaseStatus.Investigating), (rejected.Event, rejected.FromStatus, rejected.ToStatus));
        Assert.Equal(app.Ids.UserId("executive"), rejected.ActorId);

        c = await handler.DoAsync(c.Id, "propose-solution", Bodies.Solution() with { CompensationAmount = 3000m });
        c = await executive.DoAsync(c.Id, "approve", Bodies.Note());
        Assert.Equal((CaseStatus.Approved, 3000m), (c.Status, c.Solution?.CompensationAmount));
    }

    [Fact]
    public async Task GradeThree_IsImplementedWithoutApproval_AndClosesWithoutReview()
    {
        var (handler, executive) = (await app.SignInAsync("handler"), await app.SignInAsync("executive"));
        var c = await new CaseSteps(app).ToAsync(CaseStatus.SolutionProposed, grade: 3);
        Assert.False(c.ApprovalRequired);

        var approve = await executive.ActAsync(c.Id, "approve", Bodies.Note(), (await executive.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("approval_not_required", (await Expect.ProblemAsync(approve, HttpStatusCode.Conflict)).Code);
        c = await handler.DoAsync(c.Id, "implement", Bodies.Note());
        c = await handler.DoAsync(c.Id, "request-confirmation", Bodies.Note());
        c = await (await app.SignInAsync("agent")).DoAsync(c.Id, "confirmation", Bodies.Satisfied());

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Null(c.Review);
        Assert.DoesNotContain(await handler.TimelineAsync(c.Id), t => t.Event == TimelineEvent.ReviewScheduled);
    }

    /// <summary>One entry per event in order, by the right people, each starting where the last left the status.</summary>
    private void AssertTimeline(List<TimelineItem> timeline, params (TimelineEvent Event, string User)[] expected)
    {
        Assert.Equal(expected.Select(e => $"{e.Event} by {e.User}"), timeline.Select(t => $"{t.Event} by {UserName(t.ActorId)}"));
        CaseStatus? status = null;
        foreach (var entry in timeline)
        {
            Assert.Equal(status, entry.FromStatus);
            status = entry.ToStatus ?? status;
        }
    }

    private string UserName(string userId) => app.Ids.Users.Single(u => u.Value == userId).Key;

    [GeneratedRegex(@"^\d{8}-[A-Z]{3}-\d{4}$")]
    private static partial Regex NumberPattern();
}

public sealed class LifecycleOnSqlite(SqliteApp app) : LifecycleTests<SqliteApp>(app);

public sealed class LifecycleOnPostgres(PostgresApp app) : LifecycleTests<PostgresApp>(app);
