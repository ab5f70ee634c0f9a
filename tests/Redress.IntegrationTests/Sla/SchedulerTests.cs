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
/// The SLA scheduler against a real database with a controllable clock (R-SLA-3): each warning, breach and
/// escalation happens once, is on the timeline and tells the right people.
/// </summary>
public abstract class SchedulerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    protected TApp App => app;

    /// <summary>A grade 2 case of AFTERSALES, acknowledged, nobody assigned: its 1-hour supervisor report is the first limit.</summary>
    protected async Task<CaseDetails> MajorCaseAsync(RedressApp on)
    {
        var agent = await on.SignInAsync("agent");
        var c = await agent.RegisterAsync(A.Case().Graded(2).LedBy(on.Ids.AfterSales).Build());
        return await agent.DoAsync(c.Id, "acknowledge", Bodies.Note());
    }

    protected static Task<CheckClocks.Pass> PassAsync(RedressApp on) => on.Services.GetRequiredService<CheckClocks>().RunAsync(Test.Ct);

    protected static Task<List<(TimelineEvent Event, string? Text)>> SlaEventsAsync(RedressApp on, long caseId) => on.QueryAsync(async db =>
        (await db.Timeline.AsNoTracking().Where(t => t.CaseId == caseId && t.ActorId == Actor.System.UserId)
            .OrderBy(t => t.Id).Select(t => new { t.Event, t.Text }).ToListAsync(Test.Ct))
        .Where(t => t.Event is TimelineEvent.SlaWarning or TimelineEvent.SlaBreached or TimelineEvent.SlaEscalated)
        .Select(t => (t.Event, t.Text)).ToList());

    [Fact]
    public async Task WarningBreachAndEscalation_EachHappenOnce_OnTheTimeline_AndTellTheRightPeople()
    {
        var c = await MajorCaseAsync(app);
        var report = SlaTarget.SupervisorReport.ToString();

        app.Advance(TimeSpan.FromMinutes(44));
        await PassAsync(app);
        Assert.Empty(await SlaEventsAsync(app, c.Id));

        app.Advance(TimeSpan.FromMinutes(1));           // 45 min: 75 % of the hour
        await PassAsync(app);
        await PassAsync(app);
        Assert.Equal([(TimelineEvent.SlaWarning, report)], await SlaEventsAsync(app, c.Id));

        app.Advance(TimeSpan.FromMinutes(15));          // the hour is up
        await PassAsync(app);
        await PassAsync(app);
        Assert.Equal([(TimelineEvent.SlaWarning, report), (TimelineEvent.SlaBreached, report)], await SlaEventsAsync(app, c.Id));
        var details = await (await app.SignInAsync("agent")).GetCaseAsync(c.Id);
        Assert.Equal(ClockState.Breached, details.Case.Clocks.Single(k => k.Target == SlaTarget.SupervisorReport).State);
        // The scheduler's entries do not make anyone's copy stale.
        Assert.Equal(c.Version, details.Case.Version);

        app.Advance(TimeSpan.FromHours(4));             // the profile escalates 4 h after the limit
        await PassAsync(app);
        var events = await SlaEventsAsync(app, c.Id);
        Assert.Equal(1, events.Count(e => e == (TimelineEvent.SlaEscalated, report)));
        Assert.Equal(1, events.Count(e => e == (TimelineEvent.SlaBreached, report)));

        var told = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.CaseId == c.Id && n.Detail == report)
            .Select(n => new { n.UserId, n.Event }).ToListAsync(Test.Ct));
        var ids = app.Ids;
        Assert.Contains(told, n => n.Event == NotificationEvent.SlaBreached && n.UserId == ids.UserId("lead"));
        Assert.Contains(told, n => n.Event == NotificationEvent.SlaEscalated && n.UserId == ids.UserId("executive"));
        Assert.DoesNotContain(told, n => n.Event == NotificationEvent.SlaEscalated && n.UserId == ids.UserId("lead"));
        Assert.Equal(told.Count, told.Distinct().Count());
    }

    [Fact]
    public async Task AMetTarget_IsNeverWarned()
    {
        var c = await MajorCaseAsync(app);
        var lead = await app.SignInAsync("lead");
        await lead.DoAsync(c.Id, "notes", Bodies.Text("Seen; I am on it."));

        app.Advance(TimeSpan.FromMinutes(50));
        await PassAsync(app);

        var events = await SlaEventsAsync(app, c.Id);
        Assert.DoesNotContain(events, e => e.Text == nameof(SlaTarget.SupervisorReport));
        // The four-hour start of handling is not met yet: its warning comes at three hours, not now.
        Assert.DoesNotContain(events, e => e.Text == nameof(SlaTarget.HandlingStart));
    }

    [Fact]
    public async Task AChangeThatLoadedAClockBeforeTheSchedulerSteppedIt_IsRetriedOnTheSteppedClock()
    {
        var c = await MajorCaseAsync(app);
        app.Advance(TimeSpan.FromMinutes(45));
        await PassAsync(app);                           // the supervisor report is warned
        app.Advance(TimeSpan.FromMinutes(16));          // and past its hour, not yet breached
        var quality = new Actor(app.Ids.UserId("quality"), "Quality", new HashSet<Role> { Role.QualityManager }, new HashSet<int>());
        var attempts = 0;

        var regraded = await app.Services.GetRequiredService<CaseCommands>().RunAsync(c.Id, c.Version, quality, appendOnly: false,
            async (kase, now, _) =>
            {
                // The scheduler breaches the clock between this change's read and its save.
                if (++attempts == 1) await PassAsync(app);
                return CaseChanges.Classify(new ClassifyRequest(kase.CategoryId, 1, null, "Injury reported."))(kase, quality, now);
            }, Test.Ct);

        Assert.True(regraded.IsSuccess, regraded.Error?.Message);
        Assert.Equal(2, attempts);
        Assert.Equal([TimelineEvent.SlaBreached], (await SlaEventsAsync(app, c.Id)).Where(e => e.Text == nameof(SlaTarget.SupervisorReport) && e.Event != TimelineEvent.SlaWarning).Select(e => e.Event));
        var stored = await app.QueryAsync(db => db.CaseClocks.AsNoTracking().SingleAsync(k => k.CaseId == c.Id && k.Target == SlaTarget.SupervisorReport, Test.Ct));
        // From a stale copy the re-grade would have re-armed the warning of a breached clock (and escalated it early).
        Assert.NotNull(stored.WarnedAt);
        Assert.NotNull(stored.BreachedAt);
        Assert.Equal(stored.EscalateAt, stored.NextCheckAt);
    }

    [Fact]
    public async Task ARestartedHost_CatchesUpOnWhatFellDueWhileItWasDown()
    {
        var c = await MajorCaseAsync(app);

        // Nothing runs for six hours; then a host starts with its scheduler on.
        app.Advance(TimeSpan.FromHours(6));
        await using var restarted = Restart();
        await restarted.InitializeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<(TimelineEvent Event, string? Text)> events;
        do
        {
            await Task.Delay(100, Test.Ct);
            events = await SlaEventsAsync(restarted, c.Id);
        }
        while (!events.Contains((TimelineEvent.SlaEscalated, nameof(SlaTarget.SupervisorReport))) && DateTime.UtcNow < deadline);

        // Past the limit and the escalation: both happen, once; a warning after the limit is not worth sending.
        var report = events.Where(e => e.Text == nameof(SlaTarget.SupervisorReport)).Select(e => e.Event).ToList();
        Assert.Equal([TimelineEvent.SlaBreached, TimelineEvent.SlaEscalated], report);
    }

    /// <summary>A second host on the same database, with the scheduler running in the background.</summary>
    protected abstract RedressApp Restart();
}

public sealed class SchedulerOnSqlite(SqliteApp app) : SchedulerTests<SqliteApp>(app)
{
    protected override RedressApp Restart() => new SqliteApp { SharedDataDirectory = App.DataDirectoryPath, Clock = App.Clock, RunScheduler = true };
}

public sealed class SchedulerOnPostgres(PostgresApp app) : SchedulerTests<PostgresApp>(app)
{
    protected override RedressApp Restart() =>
        new PostgresApp { SharedDatabase = new PostgresDatabase("(shared)", App.ConnectionString), Clock = App.Clock, RunScheduler = true };

    /// <summary>Two instances behind a load balancer run their schedulers at the same moment: no step is doubled.</summary>
    [Fact]
    public async Task TwoHostsOnOneDatabase_PassingAtOnce_TakeEachStepOnce()
    {
        PostgresServer.Require();
        await using var second = new PostgresApp { SharedDatabase = new PostgresDatabase("(shared)", App.ConnectionString), Clock = App.Clock };
        await second.InitializeAsync();
        var cases = new List<CaseDetails>();
        for (var i = 0; i < 40; i++) cases.Add(await MajorCaseAsync(i % 2 == 0 ? App : second));

        App.Advance(TimeSpan.FromMinutes(45));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => PassAsync(i % 2 == 0 ? App : second)));

        var ids = cases.Select(c => c.Id).ToList();
        var warnings = await App.QueryAsync(db => db.Timeline.AsNoTracking()
            .Where(t => ids.Contains(t.CaseId) && t.Event == TimelineEvent.SlaWarning)
            .GroupBy(t => new { t.CaseId, t.Text }).Select(g => g.Count()).ToListAsync(Test.Ct));
        // Each case warns once for its supervisor report (the acknowledgement was met at once).
        Assert.Equal(cases.Count, warnings.Count);
        Assert.All(warnings, n => Assert.Equal(1, n));
        var notices = await App.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.CaseId != null && ids.Contains(n.CaseId.Value) && n.Event == NotificationEvent.SlaWarning)
            .GroupBy(n => new { n.CaseId, n.UserId, n.Detail }).Select(g => g.Count()).ToListAsync(Test.Ct));
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal(1, n));
    }
}
