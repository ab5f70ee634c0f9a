using System.Globalization;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>Each filter of the case list narrows to exactly the cases it names, within the reader's scope.</summary>
public abstract class ListFilterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Filters_NarrowToTheMatchingCases()
    {
        var ids = app.Ids;
        app.Advance(TimeSpan.FromMinutes(1));
        var from = app.Clock.GetUtcNow();
        var agent = await app.SignInAsync("agent");
        var a = await agent.RegisterAsync(A.Case().Graded(1).Via(Channel.Email).Flagged(CaseFlags.Urgent).InCategory(ids.Categories["Q-DAMAGE"]).LedBy(ids.AfterSales).Build());
        var b = await agent.RegisterAsync(A.Case().Graded(4).Via(Channel.Web).Flagged(CaseFlags.Group).InCategory(ids.Categories["L-LATE"]).LedBy(ids.Logistics).Build());
        var c = await agent.RegisterAsync(A.Case().Graded(3).Via(Channel.Phone).Build());
        await agent.DoAsync(a.Id, "acknowledge", Bodies.Note());
        await agent.DoAsync(a.Id, "assign", Bodies.Assign(ids.AfterSales, ids.UserId("handler")));
        var mine = $"createdFrom={Stamp(from)}";

        async Task<long[]> Ids(string query, string user = "agent") =>
            [.. (await (await app.SignInAsync(user)).ListAsync($"{mine}&{query}")).Items.Select(i => i.Id)];

        Assert.Equal([c.Id, b.Id, a.Id], await Ids(""));
        Assert.Equal([a.Id], await Ids("status=Assigned"));
        Assert.Equal([c.Id, b.Id], await Ids("status=Received"));
        Assert.Equal([c.Id, b.Id, a.Id], await Ids("status=Received&status=Assigned"));
        Assert.Equal([a.Id], await Ids("grade=1"));
        Assert.Equal([b.Id, a.Id], await Ids("grade=1&grade=4"));
        Assert.Equal([a.Id], await Ids($"categoryId={ids.Categories["Q-DAMAGE"]}"));
        Assert.Equal([b.Id], await Ids("channel=Web"));
        Assert.Equal([c.Id, a.Id], await Ids("channel=Phone&channel=Email"));
        Assert.Equal([a.Id], await Ids($"departmentId={ids.AfterSales}"));
        Assert.Equal([b.Id], await Ids($"departmentId={ids.Logistics}"));
        Assert.Equal([a.Id], await Ids($"assigneeId={ids.UserId("handler")}"));
        Assert.Equal([a.Id], await Ids("assigneeId=me", "handler"));
        Assert.Equal([c.Id, b.Id], await Ids("unassigned=true"));
        Assert.Equal([a.Id], await Ids("flag=Urgent"));
        Assert.Equal([b.Id, a.Id], await Ids("flag=Urgent&flag=Group"));
        Assert.Equal([c.Id, b.Id, a.Id], await Ids("open=true"));
        Assert.Empty(await Ids("open=false"));
        Assert.Equal([c.Id, b.Id, a.Id], await Ids($"createdTo={Stamp(from.AddSeconds(1))}"));
        Assert.Empty(await Ids($"createdTo={Stamp(from)}"));

        // R-SEC-1: handlers see their departments' cases only, whatever they filter by.
        Assert.Equal([a.Id], await Ids("", "handler"));
        Assert.Equal([b.Id], await Ids("", "handler2"));
        Assert.Empty(await Ids($"departmentId={ids.AfterSales}", "handler2"));

        // The internal profile resolves grade 1 in 3 working days, grade 4 in 5 and grade 3 in 10, from the working
        // day after receipt: grade 1 ends within 5.75 calendar days of any receipt, grade 4 no sooner than 6.75 (away
        // from public holidays), so 6¼ days on only the first is overdue, whatever weekday and hour the clock is at.
        app.Advance(TimeSpan.FromHours(150));
        Assert.Equal([a.Id], await Ids("overdue=true"));
        Assert.Equal([c.Id, b.Id], await Ids("overdue=false"));
        var page = await (await app.SignInAsync("agent")).ListAsync($"{mine}&grade=1");
        Assert.True(Assert.Single(page.Items).Overdue);
    }

    [Theory]
    [InlineData("limit=0", "limit_out_of_range")]
    [InlineData("limit=101", "limit_out_of_range")]
    [InlineData("sort=subject", "unknown_sort")]
    [InlineData("cursor=not-a-cursor", "bad_cursor")]
    public async Task List_WithABadParameter_IsAProblem(string query, string code)
    {
        var response = await (await app.SignInAsync("agent")).GetAsync($"/api/v1/cases?{query}");
        Assert.Equal(code, (await Expect.ProblemAsync(response, System.Net.HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task List_WithAnUnknownStatus_IsAProblem()
    {
        var response = await (await app.SignInAsync("agent")).GetAsync("/api/v1/cases?status=Lost");
        await Expect.ProblemAsync(response, System.Net.HttpStatusCode.BadRequest);
    }

    private static string Stamp(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}

public sealed class ListFiltersOnSqlite(SqliteApp app) : ListFilterTests<SqliteApp>(app);

public sealed class ListFiltersOnPostgres(PostgresApp app) : ListFilterTests<PostgresApp>(app);
