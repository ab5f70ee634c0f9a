using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>Sorts and keyset pages: walking every page sees every case once, in order.</summary>
public abstract class ListPagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Theory]
    [InlineData("created")]
    [InlineData("-created")]
    [InlineData("due")]
    [InlineData("-due")]
    [InlineData("grade")]
    public async Task WalkingAllPages_SeesEveryCaseOnce_InSortOrder(string sort)
    {
        await EnsureTiesAsync();
        var all = await app.QueryAsync(db => db.Cases.Select(c => c.Id).ToListAsync(Test.Ct));

        var walked = await WalkAsync("agent", $"sort={sort}");

        Assert.Equal(walked.Count, walked.Select(r => r.Id).Distinct().Count());
        Assert.Equal(all.Order(), walked.Select(r => r.Id).Order());
        Assert.Equal(Sorted(walked, sort).Select(r => r.Id), walked.Select(r => r.Id));
    }

    [Fact]
    public async Task WalkingAllPages_AsAHandler_SeesExactlyTheDepartmentsCases()
    {
        await EnsureTiesAsync();
        var afterSales = app.Ids.AfterSales;
        var visible = await app.QueryAsync(db => db.Cases
            .Where(c => c.LeadDepartmentId == afterSales || c.AssistingDepartments.Any(a => a.DepartmentId == afterSales))
            .Select(c => c.Id).ToListAsync(Test.Ct));

        var walked = await WalkAsync("handler", "sort=due");

        Assert.NotEmpty(visible);
        Assert.Equal(visible.Order(), walked.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task ACursor_IsOnlyValidForTheSortThatIssuedIt()
    {
        await EnsureTiesAsync();
        var agent = await app.SignInAsync("agent");
        var first = await agent.ListAsync("sort=due&limit=2");
        Assert.NotNull(first.NextCursor);

        var response = await agent.GetAsync($"/api/v1/cases?sort=grade&limit=2&cursor={first.NextCursor}");

        Assert.Equal("bad_cursor", (await Expect.ProblemAsync(response, System.Net.HttpStatusCode.BadRequest)).Code);
    }

    private async Task<List<CaseSummary>> WalkAsync(string user, string query)
    {
        var client = await app.SignInAsync(user);
        var rows = new List<CaseSummary>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 100, "The walk does not end.");
            var page = await client.ListAsync($"{query}&limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.Items.Count <= 3);
            rows.AddRange(page.Items);
            if ((cursor = page.NextCursor) is null) return rows;
            Assert.NotEmpty(page.Items);
        }
    }

    private static IEnumerable<CaseSummary> Sorted(List<CaseSummary> rows, string sort) => sort switch
    {
        "created" => rows.OrderBy(r => r.Id),
        "-created" => rows.OrderByDescending(r => r.Id),
        "due" => rows.OrderBy(r => r.DueAt).ThenBy(r => r.Id),
        "-due" => rows.OrderByDescending(r => r.DueAt).ThenByDescending(r => r.Id),
        "grade" => rows.OrderBy(r => r.Grade).ThenByDescending(r => r.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    /// <summary>Cases registered at one instant share due date and grade: ties that cross page boundaries.</summary>
    private Task<bool> EnsureTiesAsync() => app.OnceAsync("ties", async () =>
    {
        var agent = await app.SignInAsync("agent");
        for (var i = 0; i < 7; i++)
            await agent.RegisterAsync(A.Case().Graded(3).LedBy(i % 2 == 0 ? app.Ids.AfterSales : app.Ids.Logistics).Build());
        return true;
    });
}

public sealed class ListPagingOnSqlite(SqliteApp app) : ListPagingTests<SqliteApp>(app);

public sealed class ListPagingOnPostgres(PostgresApp app) : ListPagingTests<PostgresApp>(app);
