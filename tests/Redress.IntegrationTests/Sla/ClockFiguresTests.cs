using Microsoft.Extensions.DependencyInjection;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Analytics;
using Redress.Features.Cases;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Sla;

/// <summary>
/// The clocks where people look (R-SLA-1, issue 4 parts 4 and 6): each queue row carries its most urgent running
/// clock, and the overview reports the on-time rate per target over the period's cases (ADR 0006's cohort).
/// </summary>
public abstract class ClockFiguresTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task QueueRows_CarryTheRunningClockDueFirst_RedOncePastItsTime()
    {
        var agent = await app.SignInAsync("agent");
        var kase = await agent.RegisterAsync(A.Case().Graded(2).LedBy(app.Ids.AfterSales).Build());
        var registeredAt = kase.CreatedAt;

        // Acknowledgement and supervisor report are both due in an hour: the earlier target in the list wins the tie.
        Assert.Equal(new UrgentClock(SlaTarget.Acknowledgement, registeredAt.AddHours(1), false), await RowClockAsync(kase.Id));

        await agent.DoAsync(kase.Id, "acknowledge", Bodies.Note());
        Assert.Equal(new UrgentClock(SlaTarget.SupervisorReport, registeredAt.AddHours(1), false), await RowClockAsync(kase.Id));

        // Past its time it is breached on the list at once, before the scheduler's pass records it.
        app.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(new UrgentClock(SlaTarget.SupervisorReport, registeredAt.AddHours(1), true), await RowClockAsync(kase.Id));

        var closed = await new CaseSteps(app).ToAsync(CaseStatus.Closed);
        Assert.Null(await RowClockAsync(closed.Id));
    }

    [Fact]
    public async Task Overview_CountsEachTargetMetInTime_OfThoseMetOrBreached()
    {
        // A hundred days on, earlier cases are out of the period: what moves is this test's case alone.
        app.Advance(TimeSpan.FromDays(100));
        var before = await OverviewAsync();
        var agent = await app.SignInAsync("agent");
        var kase = await agent.RegisterAsync(A.Case().Graded(2).LedBy(app.Ids.AfterSales).Build());
        await agent.DoAsync(kase.Id, "acknowledge", Bodies.Note());                 // acknowledged in time
        app.Advance(TimeSpan.FromHours(2));
        await app.Services.GetRequiredService<CheckClocks>().RunAsync(Test.Ct);      // the supervisor report is breached
        var breached = await OverviewAsync();
        // The lead acts at last: met, but late, and it still counts against the target.
        await (await app.SignInAsync("lead")).DoAsync(kase.Id, "assign", Bodies.Assign(app.Ids.AfterSales, app.Ids.UserId("handler")));
        var after = await OverviewAsync();

        Assert.Equal(Of(before, SlaTarget.Acknowledgement) + (1, 1), Of(after, SlaTarget.Acknowledgement));
        Assert.Equal(Of(before, SlaTarget.SupervisorReport) + (0, 1), Of(breached, SlaTarget.SupervisorReport));
        Assert.Equal(Of(before, SlaTarget.SupervisorReport) + (0, 1), Of(after, SlaTarget.SupervisorReport));
        // Start of handling (4 h) and the resolution still run: not counted yet.
        Assert.Equal(Of(before, SlaTarget.HandlingStart), Of(after, SlaTarget.HandlingStart));
        Assert.Equal(Of(before, SlaTarget.Resolution), Of(after, SlaTarget.Resolution));
        Assert.Equal(after.OnTimeByTarget.OrderBy(t => t.Target).Select(t => t.Target), after.OnTimeByTarget.Select(t => t.Target));

        // A lead sees the figures of their departments only: a case led by logistics does not move them.
        var leadBefore = await OverviewAsync("lead");
        agent = await app.SignInAsync("agent");
        var logistics = await agent.RegisterAsync(A.Case().Graded(2).LedBy(app.Ids.Logistics).Build());
        await agent.DoAsync(logistics.Id, "acknowledge", Bodies.Note());
        Assert.Equal(Of(leadBefore, SlaTarget.Acknowledgement), Of(await OverviewAsync("lead"), SlaTarget.Acknowledgement));
        Assert.Equal(Of(after, SlaTarget.Acknowledgement) + (1, 1), Of(await OverviewAsync(), SlaTarget.Acknowledgement));
    }

    private async Task<UrgentClock?> RowClockAsync(long caseId)
    {
        var quality = await app.SignInAsync("quality");
        var page = await quality.ListAsync("sort=-created&limit=50");
        return page.Items.Single(r => r.Id == caseId).Clock;
    }

    private async Task<Overview> OverviewAsync(string user = "executive") =>
        await (await app.SignInAsync(user)).GetJsonAsync<Overview>("/api/v1/analytics/overview");

    private static Counted Of(Overview o, SlaTarget target) =>
        o.OnTimeByTarget.FirstOrDefault(t => t.Target == target) is { } t ? new Counted(t.OnTime.Count, t.OnTime.Of) : new Counted(0, 0);

    private sealed record Counted(int OnTime, int Of)
    {
        public static Counted operator +(Counted a, (int OnTime, int Of) b) => new(a.OnTime + b.OnTime, a.Of + b.Of);
    }
}

public sealed class ClockFiguresOnSqlite(SqliteApp app) : ClockFiguresTests<SqliteApp>(app);

public sealed class ClockFiguresOnPostgres(PostgresApp app) : ClockFiguresTests<PostgresApp>(app);
