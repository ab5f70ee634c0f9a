using System.Net;
using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Triage;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Triage;

/// <summary>R-CL-3 and R-CL-6 through the API: suggestions on every new case, rules that apply, answers kept.</summary>
public abstract class TriageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Late = "快递延误一周还没到，物流信息也不更新";

    /// <summary>A phone no other test uses, so the contact-frequency check counts only this test's cases.</summary>
    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private static Task<CaseDetails> RegisterAsync(ApiClient client, string subject, string description, string? phone = null, Channel channel = Channel.Phone) =>
        client.RegisterAsync(A.Case().About(subject, description).Via(channel).From("周晓燕", phone ?? Phone(), null).Build());

    [Fact]
    public async Task ACaseAboutAFire_IsGradeTwoAndEscalated_WithATimelineEntryNamingTheRule()
    {
        var agent = await app.SignInAsync("agent");

        var c = await RegisterAsync(agent, "电水壶起火", "昨晚烧水时底座突然冒烟并起火，厨房墙面被熏黑。", channel: Channel.Web);

        Assert.Equal((2, 2), (c.Grade, c.Version));
        Assert.Contains(nameof(CaseFlags.Escalated), c.Flags);
        // The clocks run by the applied grade from the start: grade 2 is the major policy.
        Assert.Equal("major", Assert.Single(c.Clocks, k => k.Target == SlaTarget.Resolution).PolicyKey);
        var timeline = await agent.TimelineAsync(c.Id);
        Assert.Equal([TimelineEvent.Registered, TimelineEvent.TriageApplied], timeline.Select(t => t.Event));
        Assert.Equal(("system", "安全事故"), (timeline[1].ActorId, timeline[1].Text));
        Assert.Contains("起火", timeline[1].Changes);

        var view = await agent.GetJsonAsync<TriageView>($"/api/v1/cases/{c.Id}/triage");
        Assert.Equal((2, true), (view.Suggestion.Grade?.Grade, view.Suggestion.Grade?.Applied));
        Assert.Equal(app.Ids.Categories["Q-SAFETY"], view.Suggestion.Category?.CategoryId);
        Assert.Contains(view.Suggestion.Category!.Cues, cue => cue.Text == "起火");
        Assert.True(view.CanDecide);
    }

    [Fact]
    public async Task DemoCases_CarryTheSuggestionRegistrationWouldHaveMade()
    {
        var agent = await app.SignInAsync("agent");
        var demo = await app.QueryAsync(db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).Take(RedressApp.DemoCases).ToListAsync(Test.Ct));

        var views = new List<TriageView>();
        foreach (var id in demo) views.Add(await agent.GetJsonAsync<TriageView>($"/api/v1/cases/{id}/triage"));

        Assert.Equal(RedressApp.DemoCases, views.Count);
        Assert.All(views, v => Assert.InRange(v.Suggestion.Sentiment.Score, -1, 1));
        Assert.Contains(views, v => v.Suggestion.Category is not null);
    }

    [Fact]
    public async Task AnOrdinaryCase_GetsOnlySuggestions()
    {
        var agent = await app.SignInAsync("agent");

        var c = await RegisterAsync(agent, "Kettle arrived with a cracked lid", "The lid is cracked and scratched; the customer wants it exchanged.", channel: Channel.Email);

        Assert.Equal((3, 1), (c.Grade, c.Version));
        Assert.Empty(c.Flags);
        Assert.Equal([TimelineEvent.Registered], (await agent.TimelineAsync(c.Id)).Select(t => t.Event));
        var view = await agent.GetJsonAsync<TriageView>($"/api/v1/cases/{c.Id}/triage");
        Assert.Equal((app.Ids.Categories["Q-DAMAGE"], SuggestionSource.Rule), (view.Suggestion.Category?.CategoryId, view.Suggestion.Category?.Source));
        Assert.Empty(view.Suggestion.Applied);
        Assert.Null(view.LastDecision);
    }

    [Fact]
    public async Task Accept_ClassifiesAsSuggested_AndKeepsATrainingRow()
    {
        var agent = await app.SignInAsync("agent");
        var c = await RegisterAsync(agent, "快递迟迟不到", Late);
        Assert.Equal(428, (int)(await agent.PostAsync($"/api/v1/cases/{c.Id}/triage/accept", new AcceptTriageRequest(null))).StatusCode);

        var accepted = await Expect.JsonAsync<CaseDetails>(await agent.PostAsync($"/api/v1/cases/{c.Id}/triage/accept", new AcceptTriageRequest(null), ifMatch: $"\"{c.Version}\""));

        Assert.Equal(("L-LATE", c.Version + 1), (accepted.Category?.Code, accepted.Version));
        Assert.Equal(app.Ids.UserId("agent"), (await agent.TimelineAsync(c.Id)).Single(t => t.Event == TimelineEvent.Classified).ActorId);
        var row = await app.QueryAsync(db => db.TriageDecisions.AsNoTracking().SingleAsync(d => d.CaseId == c.Id, Test.Ct));
        Assert.Equal((true, app.Ids.Categories["L-LATE"], app.Ids.Categories["L-LATE"], 3, app.Ids.UserId("agent")),
            (row.Accepted, row.SuggestedCategoryId, row.ChosenCategoryId, row.ChosenGrade, row.ActorId));
        Assert.Equal($"快递迟迟不到\n{Late}", row.Text);
        Assert.Equal(SuggestionSource.Rule, row.SuggestedBy);
        var view = await agent.GetJsonAsync<TriageView>($"/api/v1/cases/{c.Id}/triage");
        Assert.Equal((true, "L-LATE"), (view.LastDecision?.Accepted, app.Ids.Categories.Single(kv => kv.Value == view.LastDecision?.CategoryId).Key));
    }

    [Fact]
    public async Task Correct_ClassifiesAsChosen_AndKeepsWhatWasSuggested()
    {
        var agent = await app.SignInAsync("agent");
        var c = await RegisterAsync(agent, "快递迟迟不到", Late);
        var etag = $"\"{c.Version}\"";
        var bad = await agent.PostAsync($"/api/v1/cases/{c.Id}/triage/correct", new CorrectTriageRequest(null, 7, null, null), ifMatch: etag);
        Assert.Contains("grade", (await Expect.ProblemAsync(bad, HttpStatusCode.BadRequest)).Errors!.Keys);
        var unknown = await agent.PostAsync($"/api/v1/cases/{c.Id}/triage/correct", new CorrectTriageRequest(999_999, 2, null, null), ifMatch: etag);
        Assert.Equal("unknown_category", (await Expect.ProblemAsync(unknown, HttpStatusCode.BadRequest)).Code);

        var refund = app.Ids.Categories["B-REFUND"];
        var corrected = await Expect.JsonAsync<CaseDetails>(await agent.PostAsync($"/api/v1/cases/{c.Id}/triage/correct",
            new CorrectTriageRequest(refund, 2, [CaseFlags.Urgent], "客户其实要退款"), ifMatch: etag));

        Assert.Equal(("B-REFUND", 2), (corrected.Category?.Code, corrected.Grade));
        Assert.Equal(["Urgent"], corrected.Flags);
        Assert.Equal("客户其实要退款", (await agent.TimelineAsync(c.Id)).Last(t => t.Event == TimelineEvent.Classified).Text);
        var row = await app.QueryAsync(db => db.TriageDecisions.AsNoTracking().SingleAsync(d => d.CaseId == c.Id, Test.Ct));
        Assert.Equal((false, app.Ids.Categories["L-LATE"], refund, 2, CaseFlags.Urgent), (row.Accepted, row.SuggestedCategoryId, row.ChosenCategoryId, row.ChosenGrade, row.ChosenFlags));
    }

    [Fact]
    public async Task ConfirmingWhatTheCaseHas_IsKeptAsTrainingData_WithoutANewVersion()
    {
        var agent = await app.SignInAsync("agent");
        var c = await RegisterAsync(agent, "门店服务", "店员态度恶劣，还当众骂人");

        var same = await Expect.JsonAsync<CaseDetails>(await agent.PostAsync($"/api/v1/cases/{c.Id}/triage/correct",
            new CorrectTriageRequest(null, 3, null, null), ifMatch: $"\"{c.Version}\""));

        Assert.Equal(c.Version, same.Version);
        Assert.Equal(1, await app.QueryAsync(db => db.TriageDecisions.CountAsync(d => d.CaseId == c.Id, Test.Ct)));
    }

    [Fact]
    public async Task AnAuditor_SeesTheSuggestion_ButMayNotAnswerIt_AndAHandlerOutsideTheCaseSeesNothing()
    {
        var c = await RegisterAsync(await app.SignInAsync("agent"), "快递迟迟不到", Late);
        var auditor = await app.SignInAsync("auditor");

        Assert.False((await auditor.GetJsonAsync<TriageView>($"/api/v1/cases/{c.Id}/triage")).CanDecide);
        await Expect.ProblemAsync(await auditor.PostAsync($"/api/v1/cases/{c.Id}/triage/accept", new AcceptTriageRequest(null), ifMatch: $"\"{c.Version}\""), HttpStatusCode.Forbidden);
        // R-SEC-1: a handler sees only their departments' cases; this one has no lead department yet.
        await Expect.ProblemAsync(await (await app.SignInAsync("handler")).GetAsync($"/api/v1/cases/{c.Id}/triage"), HttpStatusCode.NotFound);
        Assert.Equal(0, await app.QueryAsync(db => db.TriageDecisions.CountAsync(d => d.CaseId == c.Id, Test.Ct)));
    }

    [Fact]
    public async Task ManyComplaintsFromOneContact_AreSuspected_FromTheThresholdOn_ForAPersonToVerify()
    {
        var agent = await app.SignInAsync("agent");
        var phone = Phone();
        var cases = new List<CaseDetails>();
        for (var i = 0; i < 5; i++) cases.Add(await RegisterAsync(agent, $"第{i + 1}次投诉", "商品有划痕", phone));

        Assert.DoesNotContain(await FlagsSuggestedAsync(agent, cases[3].Id), f => f.Flag == CaseFlags.SuspectedMalicious);
        var flag = Assert.Single(await FlagsSuggestedAsync(agent, cases[4].Id), f => f.Flag == CaseFlags.SuspectedMalicious);
        Assert.Equal((SuggestionSource.ContactFrequency, false, 5), (flag.Source, flag.Applied, flag.Cues[0].Count));
        // Suggested, never applied, never refused: the case is registered like any other.
        Assert.Empty(cases[4].Flags);
        Assert.Equal(CaseStatus.Received, cases[4].Status);
    }

    [Fact]
    public async Task TheWindow_CountsComplaintsUpToExactlyItsLength_AndNotOneSecondMore()
    {
        var agent = await app.SignInAsync("agent");
        var phone = Phone();
        for (var i = 0; i < 4; i++) await RegisterAsync(agent, $"第{i + 1}次投诉", "商品有划痕", phone);

        app.Advance(TimeSpan.FromHours(24));
        agent = await app.SignInAsync("agent");
        var atTheEdge = await RegisterAsync(agent, "第5次投诉", "商品有划痕", phone);
        app.Advance(TimeSpan.FromSeconds(1));
        agent = await app.SignInAsync("agent");
        var past = await RegisterAsync(agent, "第6次投诉", "商品有划痕", phone);

        Assert.Contains(await FlagsSuggestedAsync(agent, atTheEdge.Id), f => f.Flag == CaseFlags.SuspectedMalicious);
        Assert.DoesNotContain(await FlagsSuggestedAsync(agent, past.Id), f => f.Flag == CaseFlags.SuspectedMalicious);
    }

    [Fact]
    public async Task TheSameEmail_CountsAsOneContact_WhateverThePhone()
    {
        var agent = await app.SignInAsync("agent");
        var email = $"{Guid.NewGuid():N}@example.cn";
        CaseDetails last = default!;
        for (var i = 0; i < 5; i++)
            last = await agent.RegisterAsync(A.Case().About($"第{i + 1}次", "商品有划痕").From("孙浩", Phone(), i % 2 == 0 ? email : email.ToUpperInvariant()).Build());

        Assert.Contains(await FlagsSuggestedAsync(agent, last.Id), f => f.Flag == CaseFlags.SuspectedMalicious);
    }

    private static async Task<IReadOnlyList<FlagSuggestion>> FlagsSuggestedAsync(ApiClient client, long id) =>
        (await client.GetJsonAsync<TriageView>($"/api/v1/cases/{id}/triage")).Suggestion.Flags;
}

public sealed class TriageOnSqlite(SqliteApp app) : TriageTests<SqliteApp>(app);

public sealed class TriageOnPostgres(PostgresApp app) : TriageTests<PostgresApp>(app);
