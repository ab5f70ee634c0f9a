using System.Net;
using Redress.Domain.Cases;
using Redress.Features.Analytics;
using Redress.Features.Reference;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Analytics;

/// <summary>
/// GET /analytics/overview (R-AN-1, R-AN-2): each figure moves by exactly the cases a test makes, within the
/// reader's scope (R-SEC-1), and agrees with the case list its drill-down link opens. Each test first jumps
/// 100 days ahead, so the cases of the demo data and of earlier tests are outside the period and, when still
/// open, long overdue: what a test compares before and after is then its own cases alone.
/// </summary>
public abstract class OverviewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Path = "/api/v1/analytics/overview";

    [Fact]
    public async Task Overview_MovesByExactlyTheCasesCreated_InEveryFigure()
    {
        StartAfresh();
        var ids = app.Ids;
        var steps = new CaseSteps(app);
        var before = await OverviewAsync("executive");
        var agent = await app.SignInAsync("agent");

        await agent.RegisterAsync(A.Case().Graded(1).Via(Channel.Email).InCategory(ids.Categories["Q-DAMAGE"])
            .Flagged(CaseFlags.Repeat).LedBy(ids.AfterSales).Build());
        await agent.RegisterAsync(A.Case().Graded(4).Via(Channel.Web).InCategory(ids.Categories["L-LATE"]).LedBy(ids.Logistics).Build());
        await steps.ToAsync(CaseStatus.Closed, grade: 3);          // rated 5
        await steps.ToAsync(CaseStatus.Reopened, grade: 3);           // rated 2, but not closed
        await steps.ToAsync(CaseStatus.Withdrawn);
        await steps.ToAsync(CaseStatus.Referred);
        var late = await steps.ToAsync(CaseStatus.Implementing, grade: 2);
        var now = await OverviewAsync("executive");

        Assert.Equal(before.NewToday + 7, now.NewToday);
        Assert.Equal(before.Open + 4, now.Open);                                     // repeat, web, reopened, late
        Assert.Equal(before.Overdue, now.Overdue);
        Assert.Equal(new Ratio(before.Resolution.Count + 1, before.Resolution.Of + 7), now.Resolution);
        Assert.Equal(new Ratio(before.OnTime.Count + 1, before.OnTime.Of + 1), now.OnTime);
        Assert.Equal(new Ratio(before.Repeat.Count + 1, before.Repeat.Of + 7), now.Repeat);
        Assert.Equal(before.Satisfaction.Responses + 1, now.Satisfaction.Responses);
        Assert.Equal(MeanWith(before.Satisfaction, 5), now.Satisfaction.Mean!.Value, 6);
        Assert.Equal(Channels(before) + (Channel.Email, 1) + (Channel.Web, 1) + (Channel.Phone, 5), Channels(now));
        var parents = await ParentsAsync();
        Assert.Equal(Category(before, parents["Q-DAMAGE"]) + 1, Category(now, parents["Q-DAMAGE"]));
        Assert.Equal(Category(before, parents["L-LATE"]) + 1, Category(now, parents["L-LATE"]));
        Assert.Equal(before.Unclassified + 5, now.Unclassified);
        Assert.Equal(Backlog(before, ids.AfterSales) + 3, Backlog(now, ids.AfterSales));
        Assert.Equal(Backlog(before, ids.Logistics) + 1, Backlog(now, ids.Logistics));
        Assert.Equal([.. before.OpenByGrade.Select(g => g.Open + 1)], now.OpenByGrade.Select(g => g.Open));   // one open case of each grade

        // Ten days on, the grade 1 case (due in 3 working days) is overdue, and the grade 2 one (due in 5) closes
        // late. (Had it waited on the customer for those days, the clock would have paused: R-SLA-2.)
        app.Advance(TimeSpan.FromDays(10));
        await (await app.SignInAsync("handler")).DoAsync(late.Id, "request-confirmation", Bodies.Note());
        await (await app.SignInAsync("agent")).DoAsync(late.Id, "confirmation", Bodies.Satisfied());
        var later = await OverviewAsync("executive");

        Assert.Equal(before.Overdue + 1, later.Overdue);
        Assert.Equal(new Ratio(before.OnTime.Count + 1, before.OnTime.Of + 2), later.OnTime);
        Assert.Equal(new Ratio(before.Resolution.Count + 2, before.Resolution.Of + 7), later.Resolution);
        Assert.Equal(MeanWith(before.Satisfaction, 5, 5), later.Satisfaction.Mean!.Value, 6);
        Assert.Equal(0, later.NewToday);
        Assert.Equal(before.OpenByGrade.Single(g => g.Grade == 1).Overdue + 1, later.OpenByGrade.Single(g => g.Grade == 1).Overdue);
    }

    [Fact]
    public async Task Overview_ForALead_CountsOnlyTheCasesTheirDepartmentsLeadOrAssist()
    {
        StartAfresh();
        var ids = app.Ids;
        var (leadBefore, allBefore) = (await OverviewAsync("lead"), await OverviewAsync("executive"));
        var agent = await app.SignInAsync("agent");

        await agent.RegisterAsync(A.Case().LedBy(ids.AfterSales).Build());
        await agent.RegisterAsync(A.Case().LedBy(ids.Logistics).AssistedBy(ids.AfterSales).Build());
        await agent.RegisterAsync(A.Case().LedBy(ids.Logistics).Build());
        await agent.RegisterAsync(A.Case().Build());
        var (lead, all) = (await OverviewAsync("lead"), await OverviewAsync("executive"));

        Assert.Equal(leadBefore.NewToday + 2, lead.NewToday);
        Assert.Equal(leadBefore.Open + 2, lead.Open);
        Assert.Equal(leadBefore.Resolution.Of + 2, lead.Resolution.Of);
        Assert.Equal(Backlog(leadBefore, ids.AfterSales) + 1, Backlog(lead, ids.AfterSales));
        Assert.Equal(Backlog(leadBefore, ids.Logistics) + 1, Backlog(lead, ids.Logistics));
        Assert.Equal(leadBefore.Unrouted, lead.Unrouted);
        Assert.Equal(allBefore.NewToday + 4, all.NewToday);
        Assert.Equal(Backlog(allBefore, ids.Logistics) + 2, Backlog(all, ids.Logistics));
        Assert.Equal(allBefore.Unrouted + 1, all.Unrouted);
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("executive")]
    public async Task Overview_AgreesWithTheCaseListsItsLinksOpen(string user)
    {
        StartAfresh();
        var ids = app.Ids;
        var agent = await app.SignInAsync("agent");
        await agent.RegisterAsync(A.Case().Graded(1).LedBy(ids.AfterSales).Build());
        await agent.RegisterAsync(A.Case().Graded(2).LedBy(ids.Logistics).AssistedBy(ids.AfterSales).Build());
        await new CaseSteps(app).ToAsync(CaseStatus.Closed);
        var overview = await OverviewAsync(user);
        var client = await app.SignInAsync(user);
        var today = $"createdFrom={Stamp(overview.Today.FromUtc)}&createdTo={Stamp(overview.Today.ToUtc)}";
        var period = $"createdFrom={Stamp(overview.PeriodFrom)}&createdTo={Stamp(overview.PeriodTo)}";

        Assert.Equal(overview.NewToday, await CountAsync(client, today));
        Assert.Equal(overview.Open, await CountAsync(client, "open=true"));
        Assert.Equal(overview.Overdue, await CountAsync(client, "overdue=true"));
        Assert.Equal(overview.Resolution.Of, await CountAsync(client, period));
        Assert.Equal(overview.Resolution.Count, await CountAsync(client, $"{period}&status=Closed"));
        Assert.Equal(overview.Repeat.Count, await CountAsync(client, $"{period}&flag=Repeat"));
        foreach (var d in overview.Backlog)
            Assert.Equal(d.Open, await CountAsync(client, $"open=true&departmentId={d.DepartmentId}"));
        foreach (var g in overview.OpenByGrade)
            Assert.Equal(g.Open, await CountAsync(client, $"open=true&grade={g.Grade}"));
        foreach (var c in overview.Categories)
        {
            var family = string.Join('&', (await ChildrenAsync(c.CategoryId)).Select(id => $"categoryId={id}"));
            Assert.Equal(c.Count, await CountAsync(client, $"{period}&{family}"));
        }
        foreach (var day in overview.Daily.TakeLast(2))
            foreach (var channel in day.Channels)
                Assert.Equal(channel.Count, await CountAsync(client, $"createdFrom={Stamp(day.Day.FromUtc)}&createdTo={Stamp(day.Day.ToUtc)}&channel={channel.Channel}"));
        Assert.True(overview.Open > 0 && overview.NewToday > 0, "The test made cases for the figures to count.");
    }

    [Fact]
    public async Task Overview_CoversThirtyLocalDays_EndingToday()
    {
        var overview = await OverviewAsync("quality");
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        Assert.Equal(30, overview.Daily.Count);
        Assert.Equal(overview.Today, overview.Daily[^1].Day);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, shanghai)), overview.Today.Date);
        Assert.Equal(TimeSpan.FromHours(8), TimeSpan.FromHours(24) - overview.Today.FromUtc.TimeOfDay);
        Assert.Equal(overview.Daily[0].Day.FromUtc, overview.PeriodFrom);
        Assert.Equal(overview.Today.ToUtc, overview.PeriodTo);
        Assert.All(overview.Daily.Zip(overview.Daily.Skip(1)), p => Assert.Equal(p.First.Day.ToUtc, p.Second.Day.FromUtc));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("handler")]
    public async Task Overview_IsForbiddenToAgentsAndHandlers_WithAProblemThatNamesTheRoles(string user)
    {
        var response = await (await app.SignInAsync(user)).GetAsync(Path);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("role_not_allowed", problem.Code);
        Assert.Contains("QualityManager", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("quality")]
    [InlineData("executive")]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task Overview_IsReadByLeadsQualityExecutivesAdministratorsAndAuditors(string user)
    {
        var overview = await OverviewAsync(user);
        Assert.Equal(4, overview.OpenByGrade.Count);
    }

    private void StartAfresh()
    {
        app.RequireDatabase();
        app.Advance(TimeSpan.FromDays(100));
    }

    private async Task<Overview> OverviewAsync(string user) => await (await app.SignInAsync(user)).GetJsonAsync<Overview>(Path);

    /// <summary>The list's matches, walked page by page: the list has no total, by design.</summary>
    private static async Task<int> CountAsync(ApiClient client, string query)
    {
        var (count, cursor) = (0, (string?)null);
        do
        {
            var page = await client.ListAsync($"{query}&limit=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            count += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return count;
    }

    private static double MeanWith(SatisfactionScore before, params int[] ratings) =>
        ((before.Mean ?? 0) * before.Responses + ratings.Sum()) / (before.Responses + ratings.Length);

    private static ChannelTally Channels(Overview o) => new(o.Daily[^1].Channels.ToDictionary(c => c.Channel, c => c.Count));

    private static int Category(Overview o, int id) => o.Categories.SingleOrDefault(c => c.CategoryId == id)?.Count ?? 0;

    private static int Backlog(Overview o, int department) => o.Backlog.SingleOrDefault(d => d.DepartmentId == department)?.Open ?? 0;

    private async Task<Dictionary<string, int>> ParentsAsync()
    {
        var categories = await (await app.SignInAsync("admin")).GetJsonAsync<List<CategoryItem>>("/api/v1/categories");
        return categories.ToDictionary(c => c.Code, c => c.ParentId ?? c.Id);
    }

    private async Task<int[]> ChildrenAsync(int id)
    {
        var categories = await (await app.SignInAsync("admin")).GetJsonAsync<List<CategoryItem>>("/api/v1/categories");
        return [id, .. categories.Where(c => c.ParentId == id).Select(c => c.Id)];
    }

    private static string Stamp(DateTime utc) => Uri.EscapeDataString(utc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Counts per channel, compared as a whole so that a channel that moved unexpectedly shows.</summary>
    private sealed record ChannelTally(Dictionary<Channel, int> Counts)
    {
        public static ChannelTally operator +(ChannelTally t, (Channel Channel, int By) add)
        {
            var counts = new Dictionary<Channel, int>(t.Counts);
            counts[add.Channel] = counts.GetValueOrDefault(add.Channel) + add.By;
            return new ChannelTally(counts);
        }

        public bool Equals(ChannelTally? other) =>
            other is not null && Enum.GetValues<Channel>().All(c => Counts.GetValueOrDefault(c) == other.Counts.GetValueOrDefault(c));

        public override int GetHashCode() => Counts.Values.Sum();

        public override string ToString() => string.Join(", ", Counts.Where(c => c.Value != 0).OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
    }
}

public sealed class OverviewOnSqlite(SqliteApp app) : OverviewTests<SqliteApp>(app);

public sealed class OverviewOnPostgres(PostgresApp app) : OverviewTests<PostgresApp>(app);
