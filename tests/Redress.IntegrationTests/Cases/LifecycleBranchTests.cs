using System.Net;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>The side roads: reopening, withdrawing, referring, and what hangs off a case.</summary>
public abstract class LifecycleBranchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Confirmation_WhenTheCustomerIsNotSatisfied_ReopensTheCaseForAnotherInvestigation()
    {
        var (agent, handler) = (await app.SignInAsync("agent"), await app.SignInAsync("handler"));
        var c = await new CaseSteps(app).ToAsync(CaseStatus.AwaitingConfirmation);

        c = await agent.DoAsync(c.Id, "confirmation", Bodies.Unsatisfied("Still cracked."));

        Assert.Equal((CaseStatus.Reopened, 1, false), (c.Status, c.ReopenCount, c.Confirmation?.Satisfied));
        Assert.Null(c.ClosedAt);
        var last = (await agent.TimelineAsync(c.Id))[^1];
        Assert.Equal((TimelineEvent.Reopened, CaseStatus.AwaitingConfirmation, CaseStatus.Reopened, "Still cracked."), (last.Event, last.FromStatus, last.ToStatus, last.Text));
        c = await handler.DoAsync(c.Id, "start-investigation", Bodies.Note("Second look."));
        Assert.Equal(CaseStatus.Investigating, c.Status);
    }

    [Fact]
    public async Task Confirmation_NotSatisfiedWithoutAReason_IsRefused()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.AwaitingConfirmation);

        var response = await agent.ActAsync(c.Id, "confirmation", new ConfirmationRequest(false, 1, null), (await agent.GetCaseAsync(c.Id)).ETag);

        Assert.Equal("reason_required", (await Expect.ProblemAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(CaseStatus.AwaitingConfirmation, (await agent.GetCaseAsync(c.Id)).Case.Status);
    }

    [Fact]
    public async Task Review_WhenItFails_ReopensTheClosedCase()
    {
        var quality = await app.SignInAsync("quality");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Closed, grade: 2);
        Assert.NotNull(c.Review);

        c = await quality.DoAsync(c.Id, "review", Bodies.Review(passed: false));

        Assert.Equal((CaseStatus.Reopened, 1, false), (c.Status, c.ReopenCount, c.Review?.Passed));
        Assert.Null(c.ClosedAt);
        var timeline = await quality.TimelineAsync(c.Id);
        Assert.Equal([TimelineEvent.ReviewFailed, TimelineEvent.Reopened], timeline[^2..].Select(t => t.Event));
        Assert.All(timeline[^2..], t => Assert.Equal(app.Ids.UserId("quality"), t.ActorId));
        var again = await quality.ActAsync(c.Id, "review", Bodies.Review(true), (await quality.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("illegal_transition", (await Expect.ProblemAsync(again, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Withdraw_ClosesTheCaseWithTheReason_AndNothingMoreCanHappenToIt()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);

        c = await agent.DoAsync(c.Id, "withdraw", Bodies.Reason("Settled with the store."));

        Assert.Equal((CaseStatus.Withdrawn, "Settled with the store."), (c.Status, c.WithdrawalReason));
        Assert.NotNull(c.ClosedAt);
        Assert.Equal(TimelineEvent.Withdrawn, (await agent.TimelineAsync(c.Id))[^1].Event);
        var ack = await agent.ActAsync(c.Id, "acknowledge", Bodies.Note(), (await agent.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("illegal_transition", (await Expect.ProblemAsync(ack, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Refer_RecordsWhereTheComplaintWent()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Acknowledged);

        c = await agent.DoAsync(c.Id, "refer", Bodies.Refer());

        Assert.Equal((CaseStatus.Referred, "Carrier: SwiftExpress"), (c.Status, c.Referral?.ReferredTo));
        var last = (await agent.TimelineAsync(c.Id))[^1];
        Assert.Equal((TimelineEvent.Referred, app.Ids.UserId("agent")), (last.Event, last.ActorId));
        Assert.Contains("SwiftExpress", last.Changes);
    }

    [Fact]
    public async Task NotesCommunicationsAndEvidence_AreAppendedWithoutIfMatch_AndListed()
    {
        var (agent, handler) = (await app.SignInAsync("agent"), await app.SignInAsync("handler"));
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Investigating);

        await Expect.StatusAsync(await agent.ActAsync(c.Id, "communications", Bodies.Call("Called the customer"), null), HttpStatusCode.OK);
        await Expect.StatusAsync(await agent.ActAsync(c.Id, "communications",
            new CommunicationRequest(Direction.Inbound, CommunicationMethod.Email, "Customer sent photos", "Three photos attached."), null), HttpStatusCode.OK);
        await Expect.StatusAsync(await handler.ActAsync(c.Id, "notes", Bodies.Text("Warehouse checked."), null), HttpStatusCode.OK);
        var details = await Expect.JsonAsync<CaseDetails>(await handler.ActAsync(c.Id, "evidence", Bodies.Evidence("Packing photo"), null));

        Assert.Equal(CaseStatus.Investigating, details.Status);
        Assert.Equal("Packing photo", Assert.Single(details.Investigation!.Evidence).Description);
        var communications = await agent.GetJsonAsync<List<CommunicationItem>>($"/api/v1/cases/{c.Id}/communications");
        Assert.Equal(["Called the customer", "Customer sent photos"], communications.Select(x => x.Summary));
        Assert.Equal((Direction.Inbound, CommunicationMethod.Email, "Three photos attached."), (communications[1].Direction, communications[1].Method, communications[1].Content));
        var timeline = await agent.TimelineAsync(c.Id);
        Assert.Equal([TimelineEvent.CommunicationAdded, TimelineEvent.CommunicationAdded, TimelineEvent.NoteAdded, TimelineEvent.EvidenceAdded], timeline[^4..].Select(t => t.Event));
        Assert.Equal("Warehouse checked.", timeline[^2].Text);
    }

    [Fact]
    public async Task Classify_ToAMoreSevereGrade_MovesTheDueDateAndRecordsWhatChanged()
    {
        var quality = await app.SignInAsync("quality");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Assigned, grade: 4);
        var category = app.Ids.Categories["Q-SAFETY"];

        c = await quality.DoAsync(c.Id, "classify", new ClassifyRequest(category, 1, [CaseFlags.Escalated, CaseFlags.Urgent], "Fire risk."));

        Assert.Equal((CaseStatus.Assigned, 1, "Q-SAFETY", true), (c.Status, c.Grade, c.Category?.Code, c.ApprovalRequired));
        Assert.Equal(["Urgent", "Escalated"], c.Flags);
        // A new grade, a new policy: the resolution keeps its start and takes grade 1's limit, with the reason.
        var resolution = Assert.Single(c.Clocks, k => k.Target == SlaTarget.Resolution);
        Assert.Equal(("major-1", new TimeLimit(3, SlaUnit.WorkingDays), c.CreatedAt, c.DueAt), (resolution.PolicyKey, resolution.Limit, resolution.StartedAt, resolution.DueAt));
        var timeline = await quality.TimelineAsync(c.Id);
        Assert.Equal((TimelineEvent.SlaRecomputed, "Fire risk."), (timeline[^1].Event, timeline[^1].Text));
        Assert.Contains("\"to\":\"major-1\"", timeline[^1].Changes, StringComparison.Ordinal);
        var last = timeline[^2];
        Assert.Equal((TimelineEvent.Classified, "Fire risk.", app.Ids.UserId("quality")), (last.Event, last.Text, last.ActorId));
        Assert.Contains("\"grade\":{\"from\":4,\"to\":1}", last.Changes?.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var same = await quality.ActAsync(c.Id, "classify", new ClassifyRequest(category, 1, [CaseFlags.Escalated, CaseFlags.Urgent], null), (await quality.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("nothing_changed", (await Expect.ProblemAsync(same, HttpStatusCode.BadRequest)).Code);
    }

    [Theory]
    [InlineData("handler2", "handler_not_in_department")]
    [InlineData("agent", "not_a_handler")]
    [InlineData("nobody", "unknown_handler")]
    public async Task Assign_ToSomeoneWhoCannotHandleTheCase_IsRefused(string handler, string code)
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Acknowledged);
        var handlerId = app.Ids.Users.GetValueOrDefault(handler, "no-such-user");

        var response = await agent.ActAsync(c.Id, "assign", Bodies.Assign(app.Ids.AfterSales, handlerId), "\"2\"");

        Assert.Equal(code, (await Expect.ProblemAsync(response, HttpStatusCode.BadRequest)).Code);
        var (after, _) = await agent.GetCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Acknowledged, 2, null), (after.Status, after.Version, after.Assignee));
    }

    [Fact]
    public async Task Get_ByIdAndByNumber_ReturnsTheCase_AndAnUnknownCaseIsNotFound()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);

        var (read, etag) = await agent.GetCaseAsync(c.Id);
        Assert.Equal((c.Number, c.Subject, "\"1\""), (read.Number, read.Subject, etag));
        Assert.Contains(CaseAction.Acknowledge, read.AvailableActions);
        var byNumber = await agent.GetAsync($"/api/v1/cases/by-number/{c.Number}");
        Assert.Equal(HttpStatusCode.Redirect, byNumber.StatusCode);
        Assert.Equal($"/api/v1/cases/{c.Id}", byNumber.Headers.Location?.OriginalString);
        Assert.Equal("not_found", (await Expect.ProblemAsync(await agent.GetAsync("/api/v1/cases/987654321"), HttpStatusCode.NotFound)).Code);
        await Expect.ProblemAsync(await agent.GetAsync("/api/v1/cases/by-number/19990101-TEL-0001"), HttpStatusCode.NotFound);
    }
}

public sealed class LifecycleBranchesOnSqlite(SqliteApp app) : LifecycleBranchTests<SqliteApp>(app);

public sealed class LifecycleBranchesOnPostgres(PostgresApp app) : LifecycleBranchTests<PostgresApp>(app);
