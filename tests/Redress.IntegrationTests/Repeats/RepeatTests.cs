using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Repeats;
using Redress.Features.Triage;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Repeats;

/// <summary>R-CL-4 through the API: the same customer on the same issue within 30 days is linked, flagged, raised a grade.</summary>
public abstract class RepeatTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    /// <summary>A customer no other test uses.</summary>
    internal static CustomerInput Customer() => new("钱多多", "139" + Random.Shared.Next(10_000_000, 99_999_999), null, null, null);

    internal static RegisterCaseRequest Complaint(CustomerInput customer, string subject, string description, string? order = null, int grade = 3) =>
        A.Case().About(subject, description).From(customer).Graded(grade).Build() with
        {
            Product = order is null ? null : new ProductInput(order, null, null, null),
        };

    [Fact]
    public async Task TheSameOrderAgain_WithinTheWindow_IsARepeat_LinkedBothWays_FlaggedAndRaisedAGrade()
    {
        var agent = await app.SignInAsync("agent");
        var customer = Customer();
        var first = await agent.RegisterAsync(Complaint(customer, "水壶漏水", "底座一直漏水", "SO-R-1"));
        app.Advance(TimeSpan.FromDays(29) + TimeSpan.FromHours(23));
        agent = await app.SignInAsync("agent");

        var again = await agent.RegisterAsync(Complaint(customer, "换了还是不行", "换货后的新水壶把手松动", "SO-R-1"));

        Assert.Equal((2, true), (again.Grade, again.Flags.Contains(nameof(CaseFlags.Repeat))));
        var applied = Assert.Single(await agent.TimelineAsync(again.Id), t => t.Event == TimelineEvent.TriageApplied);
        Assert.Equal(RepeatDetection.RuleName, applied.Text);
        Assert.Contains(first.Number, applied.Changes);
        var links = await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{again.Id}/links");
        var link = Assert.Single(links.Links);
        Assert.Equal((CaseLinkKind.Repeat, LinkReason.SameOrder, true, first.Id, first.Number), (link.Kind, link.Reason, link.Earlier, link.OtherCaseId, link.OtherNumber));
        var back = Assert.Single((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{first.Id}/links")).Links);
        Assert.Equal((CaseLinkKind.Repeat, false, again.Id), (back.Kind, back.Earlier, back.OtherCaseId));
        var flag = Assert.Single((await agent.GetJsonAsync<TriageView>($"/api/v1/cases/{again.Id}/triage")).Suggestion.Flags, f => f.Flag == CaseFlags.Repeat);
        Assert.Equal((SuggestionSource.Repeat, true, new Cue(CueKind.SameOrder, first.Number, 100)), (flag.Source, flag.Applied, Assert.Single(flag.Cues)));
    }

    [Fact]
    public async Task AnHourPastThe30Days_IsNotARepeat()
    {
        var agent = await app.SignInAsync("agent");
        var customer = Customer();
        await agent.RegisterAsync(Complaint(customer, "水壶漏水", "底座一直漏水", "SO-R-2"));
        app.Advance(TimeSpan.FromDays(30) + TimeSpan.FromHours(1));
        agent = await app.SignInAsync("agent");

        var later = await agent.RegisterAsync(Complaint(customer, "水壶漏水", "底座一直漏水", "SO-R-2"));

        Assert.Equal((3, false), (later.Grade, later.Flags.Contains(nameof(CaseFlags.Repeat))));
        Assert.Empty((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{later.Id}/links")).Links);
    }

    [Fact]
    public async Task SimilarText_OfTheSameCustomer_IsARepeat_ButNotForAnotherCustomerOrAnotherIssue()
    {
        var agent = await app.SignInAsync("agent");
        var customer = Customer();
        var first = await agent.RegisterAsync(Complaint(customer, "热水器不出热水", "上周买的热水器不出热水，师傅上门修过一次还是不行"));
        app.Advance(TimeSpan.FromDays(5));
        agent = await app.SignInAsync("agent");

        var otherCustomer = await agent.RegisterAsync(Complaint(Customer(), "热水器又不出热水", "热水器又不出热水了，上次师傅上门修过还是不行"));
        var otherIssue = await agent.RegisterAsync(Complaint(customer, "外卖送错了", "送来的是别人的餐，打电话商家也不理"));
        var again = await agent.RegisterAsync(Complaint(customer, "热水器又不出热水", "热水器又不出热水了，上次师傅上门修过还是不行"));

        Assert.DoesNotContain(nameof(CaseFlags.Repeat), otherCustomer.Flags);
        Assert.DoesNotContain(nameof(CaseFlags.Repeat), otherIssue.Flags);
        Assert.Contains(nameof(CaseFlags.Repeat), again.Flags);
        var link = Assert.Single((await agent.GetJsonAsync<CaseLinksView>($"/api/v1/cases/{again.Id}/links")).Links);
        Assert.Equal((LinkReason.SimilarText, first.Id), (link.Reason, link.OtherCaseId));
        Assert.InRange(link.Score, 0.25, 0.8);
    }

    [Fact]
    public async Task ARepeat_NeedsItsRootCause_BeforeThePlan_AndThenCloses()
    {
        var (agent, handler) = (await app.SignInAsync("agent"), await app.SignInAsync("handler"));
        var customer = Customer();
        await agent.RegisterAsync(Complaint(customer, "水壶漏水", "底座一直漏水", "SO-R-3"));
        var c = await agent.RegisterAsync(Complaint(customer, "又漏水了", "换过的水壶还是漏水", "SO-R-3") with { LeadDepartmentId = app.Ids.AfterSales });
        await agent.DoAsync(c.Id, "acknowledge", Bodies.Note());
        await agent.DoAsync(c.Id, "assign", Bodies.Assign(app.Ids.AfterSales, app.Ids.UserId("handler")));
        await handler.DoAsync(c.Id, "start-investigation", Bodies.Note());
        await handler.DoAsync(c.Id, "findings", Bodies.Findings() with { RootCauseMethod = null, RootCause = null, Whys = [] });

        var (_, etag) = await handler.GetCaseAsync(c.Id);
        var refused = await Expect.ProblemAsync(await handler.ActAsync(c.Id, "propose-solution", Bodies.Solution(), etag), System.Net.HttpStatusCode.Conflict);

        Assert.Equal("root_cause_required", refused.Code);
        await handler.DoAsync(c.Id, "findings", Bodies.Findings());
        await handler.DoAsync(c.Id, "propose-solution", Bodies.Solution());
        await (await app.SignInAsync("executive")).DoAsync(c.Id, "approve", Bodies.Note("Approved."));
        await handler.DoAsync(c.Id, "implement", Bodies.Note());
        await agent.DoAsync(c.Id, "request-confirmation", Bodies.Note());
        Assert.Equal(CaseStatus.Closed, (await agent.DoAsync(c.Id, "confirmation", Bodies.Satisfied())).Status);
    }
}

public sealed class RepeatsOnSqlite(RepeatSqliteApp app) : RepeatTests<RepeatSqliteApp>(app);

public sealed class RepeatsOnPostgres(RepeatPostgresApp app) : RepeatTests<RepeatPostgresApp>(app);
