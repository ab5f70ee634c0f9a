using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.Features.Notifications;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>
/// The bell through HTTP (R-SLA-4): the scheduler's pass writes each step's notification once, to the people the
/// step concerns and only if they want it in the app; each user reads, marks and chooses only their own. Clocks
/// of a grade 2 case (重大投诉): acknowledgement and supervisor report due in 1 hour, warned at 45 minutes.
/// Tests share one app and its clock, so each looks only at the notifications of its own cases.
/// </summary>
public abstract class InAppNotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Path = "/api/v1/notifications";

    [Fact]
    public async Task WarningPass_TellsTheLeadDepartmentsLeads_OnceAndInTheirLanguage()
    {
        var kase = await RegisterMajorAsync();
        app.Advance(TimeSpan.FromMinutes(46));

        await PassAsync();
        await PassAsync();

        var lead = await app.SignInAsync("lead");
        var mine = await OfCaseAsync(lead, kase.Id);
        // Nobody is assigned yet, so the lead department's leads hear of both warnings: one each, not one per pass.
        Assert.Equal([("Acknowledgement", NotificationEvent.SlaWarning), ("SupervisorReport", NotificationEvent.SlaWarning)],
            mine.OrderBy(n => n.Detail).Select(n => (n.Detail, n.Event)));
        Assert.All(mine, n => Assert.Null(n.ReadAt));
        Assert.Equal($"{kase.Number}：上报主管即将到期", mine.Single(n => n.Detail == "SupervisorReport").Title);
        var english = await OfCaseAsync(lead, kase.Id, "en");
        Assert.Equal($"{kase.Number}: report to supervisor due soon", english.Single(n => n.Detail == "SupervisorReport").Title);
        // The handler of the department is not the assignee: told of nothing.
        Assert.Empty(await OfCaseAsync(await app.SignInAsync("handler"), kase.Id));
    }

    [Fact]
    public async Task ReadOneAndReadAll_ClearTheCount_AndNobodyReadsAnothersNotification()
    {
        var kase = await RegisterMajorAsync();
        app.Advance(TimeSpan.FromMinutes(46));
        await PassAsync();
        var (lead, handler) = (await app.SignInAsync("lead"), await app.SignInAsync("handler"));
        var mine = await OfCaseAsync(lead, kase.Id);
        var before = await CountAsync(lead);
        Assert.True(before >= 2, $"The lead has {before} unread notifications.");

        await Expect.ProblemAsync(await handler.PostAsync($"{Path}/{mine[0].Id}/read", new { }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await lead.PostAsync($"{Path}/999999999/read", new { }), HttpStatusCode.NotFound);
        Assert.Equal(before, await CountAsync(lead));

        await Expect.StatusAsync(await lead.PostAsync($"{Path}/{mine[0].Id}/read", new { }), HttpStatusCode.NoContent);
        var readAt = (await OfCaseAsync(lead, kase.Id)).Single(n => n.Id == mine[0].Id).ReadAt;
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, readAt);
        Assert.Equal(before - 1, await CountAsync(lead));
        Assert.DoesNotContain((await lead.GetJsonAsync<NotificationPage>($"{Path}?unread=true&limit=100")).Items, n => n.Id == mine[0].Id);

        // Reading again is no change: the first time it was read stays.
        app.Advance(TimeSpan.FromMinutes(1));
        await Expect.StatusAsync(await lead.PostAsync($"{Path}/{mine[0].Id}/read", new { }), HttpStatusCode.NoContent);
        Assert.Equal(readAt, (await OfCaseAsync(lead, kase.Id)).Single(n => n.Id == mine[0].Id).ReadAt);

        var handlerUnread = await CountAsync(handler);
        var all = await Expect.JsonAsync<NotificationsApi.MarkedRead>(await lead.PostAsync($"{Path}/read-all", new { }));
        Assert.Equal(before - 1, all.Marked);
        Assert.Equal(0, await CountAsync(lead));
        Assert.Empty((await lead.GetJsonAsync<NotificationPage>($"{Path}?unread=true")).Items);
        Assert.All(await OfCaseAsync(lead, kase.Id), n => Assert.NotNull(n.ReadAt));
        Assert.Equal(handlerUnread, await CountAsync(handler));
    }

    [Fact]
    public async Task Pages_AreNewestFirst_AndFollowOnWithNextBefore()
    {
        await RegisterMajorAsync();
        await RegisterMajorAsync();
        app.Advance(TimeSpan.FromMinutes(46));
        await PassAsync();
        var lead = await app.SignInAsync("lead");

        var first = await lead.GetJsonAsync<NotificationPage>($"{Path}?limit=3");
        var second = await lead.GetJsonAsync<NotificationPage>($"{Path}?limit=3&before={first.NextBefore}");

        Assert.Equal(3, first.Items.Count);
        Assert.Equal(first.Items[^1].Id, first.NextBefore);
        var ids = first.Items.Concat(second.Items).Select(n => n.Id).ToList();
        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        await Expect.ProblemAsync(await lead.GetAsync($"{Path}?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TurningAnEventOffInTheApp_KeepsTheNextOneOutOfTheBell_AndOnlyThatEvent()
    {
        var handler = await app.SignInAsync("handler");
        var saved = await Expect.JsonAsync<List<NotificationChoice>>(await PutAsync(handler,
            """{"events":[{"event":"SlaWarning","email":false,"inApp":false}]}"""));

        // Every event comes back: the one changed, the others at their defaults.
        Assert.Equal(Enum.GetValues<NotificationEvent>(), saved.Select(c => c.Event));
        Assert.Equal(new NotificationChoice(NotificationEvent.SlaWarning, false, false), saved[0]);
        Assert.Equal(new NotificationChoice(NotificationEvent.SlaBreached, true, true), saved.Single(c => c.Event == NotificationEvent.SlaBreached));
        Assert.Equal(saved, await handler.GetJsonAsync<List<NotificationChoice>>("/api/v1/me/notification-preferences"));
        Assert.Equal(new NotificationChoice(NotificationEvent.SlaWarning, false, true),
            (await (await app.SignInAsync("lead")).GetJsonAsync<List<NotificationChoice>>("/api/v1/me/notification-preferences"))[0]);

        // Assigned to the handler, the supervisor report's warning is for the handler alone, who does not want it.
        var agent = await app.SignInAsync("agent");
        var kase = await RegisterMajorAsync();
        await agent.DoAsync(kase.Id, "acknowledge", Bodies.Note());
        await agent.DoAsync(kase.Id, "assign", Bodies.Assign(app.Ids.AfterSales, app.Ids.UserId("handler")));
        app.Advance(TimeSpan.FromMinutes(46));
        await PassAsync();
        handler = await app.SignInAsync("handler");
        // (The assignment itself is in the handler's bell: only the warning is kept out.)
        Assert.DoesNotContain(await OfCaseAsync(handler, kase.Id), n => n.Event == NotificationEvent.SlaWarning);
        Assert.Contains(await OfCaseAsync(handler, kase.Id), n => n.Event == NotificationEvent.CaseAssigned);
        Assert.Empty(await OfCaseAsync(await app.SignInAsync("lead"), kase.Id));
        // The step itself was taken and recorded: only the bell was skipped.
        Assert.Equal(1, await app.QueryAsync(db => db.Timeline.CountAsync(t => t.CaseId == kase.Id && t.Event == TimelineEvent.SlaWarning, Test.Ct)));

        // The breach still reaches the handler (and the leads).
        app.Advance(TimeSpan.FromMinutes(15));
        await PassAsync();
        handler = await app.SignInAsync("handler");
        Assert.Equal([NotificationEvent.SlaBreached], (await OfCaseAsync(handler, kase.Id)).Select(n => n.Event).Where(e => e != NotificationEvent.CaseAssigned));
    }

    [Fact]
    public async Task PreferencesWithAnUnknownOrRepeatedEvent_AreA400Problem_AndChangeNothing()
    {
        var quality = await app.SignInAsync("quality");
        var before = await quality.GetJsonAsync<List<NotificationChoice>>("/api/v1/me/notification-preferences");

        var unknown = await Expect.ProblemAsync(await PutAsync(quality, """{"events":[{"event":"CaseExploded","email":true,"inApp":true}]}"""), HttpStatusCode.BadRequest);
        var twice = await Expect.ProblemAsync(await PutAsync(quality,
            """{"events":[{"event":"SlaBreached","email":false,"inApp":false},{"event":"SlaBreached","email":true,"inApp":true}]}"""), HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await PutAsync(quality, """{"events":[{"email":true,"inApp":true}]}"""), HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await PutAsync(quality, """{}"""), HttpStatusCode.BadRequest);

        Assert.Equal("unreadable_request", unknown.Code);
        Assert.Equal("duplicate_event", twice.Code);
        Assert.Equal(before, await quality.GetJsonAsync<List<NotificationChoice>>("/api/v1/me/notification-preferences"));
        Assert.All(before, c => Assert.Equal(NotificationDefaults.For(c.Event), (c.Email, c.InApp)));
    }

    /// <summary>A grade 2 case led by after-sales, registered by the agent: nobody is assigned and no lead has acted.</summary>
    private async Task<CaseDetails> RegisterMajorAsync() =>
        await (await app.SignInAsync("agent")).RegisterAsync(A.Case().Graded(2).LedBy(app.Ids.AfterSales).Build());

    private Task<CheckClocks.Pass> PassAsync() => app.Services.GetRequiredService<CheckClocks>().RunAsync(Test.Ct);

    private static async Task<int> CountAsync(ApiClient user) => (await user.GetJsonAsync<UnreadCount>($"{Path}/unread-count")).Count;

    /// <summary>The user's notifications about one case, read page by page, in the language asked for (zh-CN when none is).</summary>
    private static async Task<List<NotificationItem>> OfCaseAsync(ApiClient user, long caseId, string? language = null)
    {
        var found = new List<NotificationItem>();
        long? before = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}?limit=100{(before is { } b ? $"&before={b}" : "")}");
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            var page = await Expect.JsonAsync<NotificationPage>(await user.Http.SendAsync(request, Test.Ct));
            found.AddRange(page.Items.Where(n => n.CaseId == caseId));
            before = page.NextBefore;
        }
        while (before is not null);
        return found;
    }

    private static Task<HttpResponseMessage> PutAsync(ApiClient user, string json) =>
        user.Http.PutAsync("/api/v1/me/notification-preferences", new StringContent(json, Encoding.UTF8, "application/json"), Test.Ct);
}

public sealed class InAppNotificationsOnSqlite(SqliteApp app) : InAppNotificationTests<SqliteApp>(app);

public sealed class InAppNotificationsOnPostgres(PostgresApp app) : InAppNotificationTests<PostgresApp>(app);
