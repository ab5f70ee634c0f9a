using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.Features.Notifications;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Sla;

/// <summary>
/// R-SLA-5 through HTTP: an extension is asked for, decided by the role its step names (never by the one who
/// asked), moves the resolution limit, is on the timeline, and the customer is told.
/// </summary>
public abstract class ExtensionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private async Task<CaseDetails> InvestigatingAsync()
    {
        var agent = await app.SignInAsync("agent");
        var c = await agent.RegisterAsync(A.Case().LedBy(app.Ids.AfterSales).From("林晓", "13900001111", "lin.xiao@example.com").Build());
        c = await agent.DoAsync(c.Id, "acknowledge", Bodies.Note());
        c = await agent.DoAsync(c.Id, "assign", Bodies.Assign(app.Ids.AfterSales, app.Ids.UserId("handler")));
        return await (await app.SignInAsync("handler")).DoAsync(c.Id, "start-investigation", Bodies.Note());
    }

    private static ClockView Resolution(CaseDetails c) => c.Clocks.Single(k => k.Target == SlaTarget.Resolution);

    [Fact]
    public async Task TheLeadApproves_TheLimitMoves_TheCustomerIsMailed_AndThereIsNoSecondStep()
    {
        var c = await InvestigatingAsync();
        var (handler, lead) = (await app.SignInAsync("handler"), await app.SignInAsync("lead"));
        var due = Resolution(c).DueAt;

        c = await handler.DoAsync(c.Id, "extension", Bodies.Reason("The lab needs a week for the report."));
        Assert.Equal((1, Role.Lead), (c.PendingExtension!.Step, c.PendingExtension.Approver));
        Assert.DoesNotContain(CaseAction.RequestExtension, c.AvailableActions);
        var asked = await app.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.CaseId == c.Id && n.Event == NotificationEvent.ExtensionRequested).Select(n => n.UserId).ToListAsync(Test.Ct));
        Assert.Contains(app.Ids.UserId("lead"), asked);

        var refused = await handler.ActAsync(c.Id, "extension/approve", Bodies.Note(), (await handler.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("role_not_allowed", (await Expect.ProblemAsync(refused, HttpStatusCode.Forbidden)).Code);

        c = await lead.DoAsync(c.Id, "extension/approve", Bodies.Note("Agreed."));
        Assert.Null(c.PendingExtension);
        Assert.Equal(1, Resolution(c).Extensions);
        Assert.True(Resolution(c).DueAt > due.AddDays(6), $"The limit moved from {due:u} to {Resolution(c).DueAt:u}: five working days are at least a week.");
        Assert.Equal(Resolution(c).DueAt, c.DueAt);
        var timeline = await lead.TimelineAsync(c.Id);
        Assert.Contains(timeline, t => t.Event == TimelineEvent.ExtensionRequested && t.Text == "The lab needs a week for the report.");
        Assert.Contains(timeline, t => t.Event == TimelineEvent.ExtensionApproved && t.ActorId == app.Ids.UserId("lead"));
        var mail = await app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Recipient == "lin.xiao@example.com").ToListAsync(Test.Ct));
        var notice = Assert.Single(mail, m => m.Body.Contains(c.Number, StringComparison.Ordinal));
        Assert.Contains("处理时限延长至", notice.Body, StringComparison.Ordinal);
        Assert.Contains("resolve it by", notice.Body, StringComparison.Ordinal);

        var again = await handler.ActAsync(c.Id, "extension", Bodies.Reason("More time."), (await handler.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("no_extension_left", (await Expect.ProblemAsync(again, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task WhoeverAsked_CannotDecide_AndARefusalKeepsTheLimit()
    {
        var c = await InvestigatingAsync();
        var (lead, executive) = (await app.SignInAsync("lead"), await app.SignInAsync("executive"));
        var due = Resolution(c).DueAt;

        c = await lead.DoAsync(c.Id, "extension", Bodies.Reason("Supplier has not answered."));
        var own = await lead.ActAsync(c.Id, "extension/approve", Bodies.Note(), (await lead.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("own_request", (await Expect.ProblemAsync(own, HttpStatusCode.Forbidden)).Code);

        // An executive may decide a lead's step.
        c = await executive.DoAsync(c.Id, "extension/reject", Bodies.Reason("Call the supplier again today."));
        Assert.Null(c.PendingExtension);
        Assert.Equal((0, due), (Resolution(c).Extensions, Resolution(c).DueAt));
        var none = await executive.ActAsync(c.Id, "extension/approve", Bodies.Note(), (await executive.GetCaseAsync(c.Id)).ETag);
        Assert.Equal("no_extension_pending", (await Expect.ProblemAsync(none, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task UnderChinaBanking_TheSecondStepNeedsAnExecutive()
    {
        await ActivateAsync("cn-banking");
        try
        {
            var c = await InvestigatingAsync();
            var (handler, lead, executive) = (await app.SignInAsync("handler"), await app.SignInAsync("lead"), await app.SignInAsync("executive"));
            var start = Resolution(c).StartedAt;
            Assert.Equal(start.AddDays(15), Resolution(c).DueAt);

            c = await handler.DoAsync(c.Id, "extension", Bodies.Reason("Complex: two products involved."));
            c = await lead.DoAsync(c.Id, "extension/approve", Bodies.Note());
            Assert.Equal(start.AddDays(30), Resolution(c).DueAt);

            c = await handler.DoAsync(c.Id, "extension", Bodies.Reason("Waiting for the regulator's lab."));
            Assert.Equal((2, Role.Executive), (c.PendingExtension!.Step, c.PendingExtension.Approver));
            var byLead = await lead.ActAsync(c.Id, "extension/approve", Bodies.Note(), (await lead.GetCaseAsync(c.Id)).ETag);
            Assert.Equal("approver_required", (await Expect.ProblemAsync(byLead, HttpStatusCode.Forbidden)).Code);
            c = await executive.DoAsync(c.Id, "extension/approve", Bodies.Note("Signed off."));
            Assert.Equal(start.AddDays(60), Resolution(c).DueAt);
        }
        finally
        {
            await ActivateAsync(SlaPresets.InternalCode);
        }
    }

    private async Task ActivateAsync(string code)
    {
        await app.QueryAsync(async db =>
        {
            foreach (var p in await db.SlaProfiles.ToListAsync(Test.Ct)) p.Activate(p.Code == code);
            return await db.SaveChangesAsync(Test.Ct);
        });
        app.Services.GetRequiredService<SlaSettings>().Invalidate();
    }
}

public sealed class ExtensionsOnSqlite(SqliteApp app) : ExtensionTests<SqliteApp>(app);

public sealed class ExtensionsOnPostgres(PostgresApp app) : ExtensionTests<PostgresApp>(app);
