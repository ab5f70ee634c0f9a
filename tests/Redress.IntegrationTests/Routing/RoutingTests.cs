using System.Net;
using Redress.Domain.Cases;
using Redress.Domain.Routing;
using Redress.Features.Accounts;
using Redress.Features.Cases;
using Redress.Features.Routing;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Routing;

/// <summary>R-WF-2 through the API: rules route, handlers are chosen by policy, away and recused people are passed over.</summary>
public abstract class RoutingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private async Task<CaseDetails> RegisterAsync(RegisterCaseRequest request) => await (await app.SignInAsync("agent")).RegisterAsync(request);

    private static RegisterCaseRequest Into(TestDepartment d, string? description = null, string? aboutStaffId = null) =>
        A.Case().LedBy(d.Id).About("Kettle arrived with a cracked lid", description).Build() with { AboutStaffId = aboutStaffId };

    [Fact]
    public async Task ARule_SendsACaseWithoutALeadDepartment_AndTheTimelineNamesIt()
    {
        var admin = await app.SignInAsync("admin");
        var department = await RoutingSetup.DepartmentAsync(app, 1, RoutingPolicy.Manual);
        var town = "测试镇" + department.Code;
        var response = await admin.PostAsync("/api/v1/admin/routing/rules",
            new RoutingRuleInput("华东" + department.Code, department.Id, app.Ids.Categories["QUALITY"], null, Channel.Phone, $"{town}, Testville"));
        var rule = await Expect.JsonAsync<RoutingRuleItem>(response, HttpStatusCode.Created);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var routed = await RegisterAsync(A.Case().InCategory(app.Ids.Categories["Q-DAMAGE"])
            .From(new CustomerInput("赵六", "13900000001", null, $"{town}幸福路1号", null)).Build());
        var elsewhere = await RegisterAsync(A.Case().InCategory(app.Ids.Categories["Q-DAMAGE"])
            .From(new CustomerInput("赵六", "13900000002", null, "北京市朝阳区", null)).Build());

        Assert.Equal(department.Id, routed.LeadDepartment?.Id);
        Assert.Null(routed.Assignee);
        var entry = Assert.Single(await (await app.SignInAsync("agent")).TimelineAsync(routed.Id), t => t.Event == TimelineEvent.Routed);
        Assert.Equal(("system", rule.Name), (entry.ActorId, entry.Text));
        Assert.Contains($"\"id\":{rule.Id}", entry.Changes);
        Assert.NotEqual(department.Id, elsewhere.LeadDepartment?.Id);
        var test = await Expect.JsonAsync<RouteTestResult>(await admin.PostAsync("/api/v1/admin/routing/test",
            new RouteTestInput(app.Ids.Categories["QUALITY"], null, null, Channel.Phone, "Testville, 1 Main St")));
        Assert.Equal((rule.Id, department.Id), (test.RuleId, test.DepartmentId));
    }

    [Fact]
    public async Task RuleEdits_NeedTheVersionRead_AndBadRulesAreProblems()
    {
        var admin = await app.SignInAsync("admin");
        var department = await RoutingSetup.DepartmentAsync(app, 0, RoutingPolicy.Manual);
        var input = new RoutingRuleInput("Kettles " + department.Code, department.Id, null, "*kettle-" + department.Code + "*", null, null, Priority: 0, Active: false);
        var rule = await Expect.JsonAsync<RoutingRuleItem>(await admin.PostAsync("/api/v1/admin/routing/rules", input), HttpStatusCode.Created);
        var path = $"/api/v1/admin/routing/rules/{rule.Id}";

        await Expect.ProblemAsync(await RoutingSetup.PutAsync(admin, path, input with { Priority = 5 }), HttpStatusCode.PreconditionRequired);
        await Expect.ProblemAsync(await RoutingSetup.PutAsync(admin, path, input with { Priority = 5 }, "\"7\""), HttpStatusCode.PreconditionFailed);
        var changed = await Expect.JsonAsync<RoutingRuleItem>(await RoutingSetup.PutAsync(admin, path, input with { Priority = 5 }, "\"1\""));
        Assert.Equal((5, 2), (changed.Priority, changed.Version));
        await Expect.ProblemAsync(await RoutingSetup.PutAsync(admin, path, input with { Priority = 6 }, "\"1\""), HttpStatusCode.PreconditionFailed);

        var broad = await Expect.ProblemAsync(await admin.PostAsync("/api/v1/admin/routing/rules", input with { ProductPattern = "*" }), HttpStatusCode.BadRequest);
        Assert.Equal("pattern_too_broad", broad.Code);
        Assert.True(broad.Errors?.ContainsKey("productPattern"));
        var unknown = await Expect.ProblemAsync(await admin.PostAsync("/api/v1/admin/routing/rules", input with { DepartmentId = 999_999 }), HttpStatusCode.BadRequest);
        Assert.Equal("unknown_department", unknown.Code);
        await Expect.StatusAsync(await (await app.SignInAsync("agent")).PostAsync("/api/v1/admin/routing/rules", input), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RoundRobin_OverConcurrentRegistrations_GivesEachHandlerTheirTurn()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 3, RoutingPolicy.RoundRobin);

        var cases = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RegisterAsync(Into(department))));

        var counts = cases.GroupBy(c => c.Assignee?.Id).ToDictionary(g => g.Key ?? "", g => g.Count());
        Assert.Equal(department.Handlers.Select(h => h.Id).Order(), counts.Keys.Order());
        Assert.All(counts.Values, n => Assert.Equal(4, n));
        // In registration order (case ids), the turns follow the user-id order exactly.
        var order = cases.OrderBy(c => c.Id).Select(c => c.Assignee!.Id).ToList();
        var turn = department.InTurn.Select(h => h.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => turn[(turn.IndexOf(order[0]) + i) % 3]), order);
    }

    [Fact]
    public async Task LeastOpen_GivesTheCaseToWhoeverHoldsFewest()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 2, RoutingPolicy.LeastOpen);
        var first = await RegisterAsync(Into(department));
        var second = await RegisterAsync(Into(department));
        // A tie (one each) goes to whoever is next in turn: the first's handler again.
        var third = await RegisterAsync(Into(department));
        Assert.NotEqual(first.Assignee!.Id, second.Assignee!.Id);
        Assert.Equal(first.Assignee.Id, third.Assignee?.Id);

        // Withdrawn, their two cases no longer count: they hold fewest, though the turn is the other's.
        var agent = await app.SignInAsync("agent");
        await agent.DoAsync(first.Id, "withdraw", Bodies.Reason("Customer called back: solved."));
        await agent.DoAsync(third.Id, "withdraw", Bodies.Reason("Customer called back: solved."));
        var fourth = await RegisterAsync(Into(department));

        Assert.Equal(first.Assignee.Id, fourth.Assignee?.Id);
    }

    [Fact]
    public async Task SomeoneAway_IsPassedOver_UntilTheyAreBack()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 2, RoutingPolicy.RoundRobin);
        var (away, other) = (department.InTurn[0], department.InTurn[1]);
        var self = await app.SignInAsync(away.UserName);
        var until = app.Clock.GetUtcNow().AddDays(3);
        var state = await Expect.JsonAsync<AwayState>(await RoutingSetup.PutAsync(self, $"/api/v1/users/{away.Id}/away", new AwayInput(true, until)));
        Assert.True(state.AwayNow);

        var routed = await Task.WhenAll(RegisterAsync(Into(department)), RegisterAsync(Into(department)));

        Assert.All(routed, c => Assert.Equal(other.Id, c.Assignee?.Id));
        var entry = (await (await app.SignInAsync("agent")).TimelineAsync(routed[0].Id)).Single(t => t.Event == TimelineEvent.Routed);
        Assert.Contains("\"reason\":\"Away\"", entry.Changes);
        app.Advance(TimeSpan.FromDays(3));
        Assert.Equal(away.Id, (await RegisterAsync(Into(department))).Assignee?.Id);
    }

    [Fact]
    public async Task Away_IsSetByThemselvesAnAdminOrTheirLead_AndNeedsAFutureDate()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 2, RoutingPolicy.RoundRobin);
        var (someone, colleague) = (department.Handlers[0], department.Handlers[1]);
        var path = $"/api/v1/users/{someone.Id}/away";

        await Expect.StatusAsync(await RoutingSetup.PutAsync(await app.SignInAsync(colleague.UserName), path, new AwayInput(true, null)), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await RoutingSetup.PutAsync(await app.SignInAsync("lead"), path, new AwayInput(true, null)), HttpStatusCode.Forbidden);
        var past = await Expect.ProblemAsync(await RoutingSetup.PutAsync(await app.SignInAsync("admin"), path, new AwayInput(true, app.Clock.GetUtcNow().AddHours(-1))), HttpStatusCode.BadRequest);
        Assert.Equal("until_in_past", past.Code);
        var byLead = await Expect.JsonAsync<AwayState>(await RoutingSetup.PutAsync(await app.SignInAsync(department.Lead.UserName), path, new AwayInput(true, null)));
        Assert.Equal((true, null), (byLead.AwayNow, byLead.Until));
        var back = await Expect.JsonAsync<AwayState>(await RoutingSetup.PutAsync(await app.SignInAsync(someone.UserName), path, new AwayInput(false, null)));
        Assert.False(back.AwayNow);
    }

    [Fact]
    public async Task NobodyIsGivenAComplaintAboutThemselves()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 3, RoutingPolicy.RoundRobin);
        var (named, mentioned, free) = (department.InTurn[0], department.InTurn[1], department.InTurn[2]);
        var mentionedName = mentioned.DisplayName.Split(' ')[0];

        var kase = await RegisterAsync(Into(department, $"客服{mentionedName}在电话里态度很差，还挂了电话。", aboutStaffId: named.Id));

        Assert.Equal((free.Id, named.Id), (kase.Assignee?.Id, kase.AboutStaff?.Id));
        var entry = (await (await app.SignInAsync("agent")).TimelineAsync(kase.Id)).Single(t => t.Event == TimelineEvent.Routed);
        Assert.Equal(2, entry.Changes!.Split("\"reason\":\"Recused\"").Length - 1);
        // A lead cannot hand it to them by hand either.
        var lead = await app.SignInAsync(department.Lead.UserName);
        var acknowledged = await (await app.SignInAsync("agent")).DoAsync(kase.Id, "acknowledge", Bodies.Note());
        Assert.Equal(CaseStatus.Assigned, acknowledged.Status);
        foreach (var recused in new[] { named, mentioned })
        {
            var refused = await Expect.ProblemAsync(await lead.ActAsync(kase.Id, "assign", Bodies.Assign(department.Id, recused.Id), $"\"{acknowledged.Version}\""), HttpStatusCode.BadRequest);
            Assert.Equal("handler_recused", refused.Code);
        }
        var unknown = await Expect.ProblemAsync(await (await app.SignInAsync("agent")).TryRegisterAsync(Into(department, aboutStaffId: "nobody")), HttpStatusCode.BadRequest);
        Assert.Equal("unknown_staff", unknown.Code);
    }

    [Fact]
    public async Task ALeadsReassignment_Stands_AndTheTimelineTellsRoutingFromTheLead()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 2, RoutingPolicy.RoundRobin);
        var agent = await app.SignInAsync("agent");
        var kase = await RegisterAsync(Into(department));
        var acknowledged = await agent.DoAsync(kase.Id, "acknowledge", Bodies.Note());
        var other = department.Handlers.Single(h => h.Id != kase.Assignee!.Id);
        var lead = await app.SignInAsync(department.Lead.UserName);

        var reassigned = await Expect.JsonAsync<CaseDetails>(await lead.ActAsync(kase.Id, "assign", Bodies.Assign(department.Id, other.Id), $"\"{acknowledged.Version}\""));
        await RegisterAsync(Into(department));

        Assert.Equal(other.Id, (await agent.GetCaseAsync(kase.Id)).Case.Assignee?.Id);
        Assert.Equal(other.Id, reassigned.Assignee?.Id);
        var timeline = await agent.TimelineAsync(kase.Id);
        Assert.Equal([TimelineEvent.Registered, TimelineEvent.Routed, TimelineEvent.Acknowledged, TimelineEvent.Assigned], timeline.Select(t => t.Event));
        Assert.Equal(("system", department.Lead.Id), (timeline[1].ActorId, timeline[3].ActorId));
    }

    [Fact]
    public async Task ThePolicyAndHandlers_AreListedForAdministrators()
    {
        var department = await RoutingSetup.DepartmentAsync(app, 2, RoutingPolicy.LeastOpen);
        await RegisterAsync(Into(department));
        var admin = await app.SignInAsync("admin");

        var item = await admin.GetJsonAsync<DepartmentRoutingItem>($"/api/v1/admin/routing/departments/{department.Id}");

        Assert.Equal(RoutingPolicy.LeastOpen, item.Policy);
        Assert.Equal([0, 1], item.Handlers.Select(h => h.OpenCases).Order());
        Assert.Equal(item.Handlers.Single(h => h.OpenCases == 0).UserId, item.NextUserId);
        await Expect.ProblemAsync(await RoutingSetup.PutAsync(admin, "/api/v1/admin/routing/departments/999999", new { policy = "RoundRobin" }), HttpStatusCode.NotFound);
    }
}

public sealed class RoutingOnSqlite(SqliteApp app) : RoutingTests<SqliteApp>(app);

public sealed class RoutingOnPostgres(PostgresApp app) : RoutingTests<PostgresApp>(app);
