using System.Globalization;
using System.Net;
using Redress.Domain.Cases;
using Redress.Features.Analytics;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Analytics;

/// <summary>
/// R-SLA-5's report buckets through GET /analytics/sla-buckets, with UK FCA DISP active (resolved within 3 business
/// days, within 8 weeks). The cases are registered years ahead of the demo data, so the period holds only them.
/// </summary>
public abstract class SlaBucketTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Report = "/api/v1/analytics/sla-buckets";

    private sealed record Closed(DateTime From, DateTime To, string Fast, string Slow, string Slower, string Late);

    /// <summary>
    /// Five cases registered at one moment: one closed a day later, two 20 days later, one 70 days later, one withdrawn.
    /// </summary>
    private Task<Closed> ClosedCasesAsync() => app.OnceAsync("closed", async () =>
    {
        app.Advance(TimeSpan.FromDays(800));
        var from = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var steps = new CaseSteps(app);
        var cases = new List<CaseDetails>();
        for (var i = 0; i < 4; i++) cases.Add(await steps.ToAsync(CaseStatus.AwaitingConfirmation));
        await steps.ToAsync(CaseStatus.Withdrawn);
        foreach (var (c, days) in cases.Zip([1, 20, 20, 70]))
        {
            app.Advance(c.CreatedAt.AddDays(days) - app.Clock.GetUtcNow().UtcDateTime);
            await (await app.SignInAsync("agent")).DoAsync(c.Id, "confirmation", Bodies.Satisfied());
        }
        return new Closed(from, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), cases[0].Number, cases[1].Number, cases[2].Number, cases[3].Number);
    });

    [Fact]
    public async Task ClosedCases_CountInTheFirstBucketTheyWereResolvedWithin_AndTheRestOutside()
    {
        var closed = await ClosedCasesAsync();
        await WithFcaActiveAsync(async () =>
        {
            var report = await (await app.SignInAsync("quality")).GetJsonAsync<SlaBucketReport>($"{Report}?{Period(closed)}");

            Assert.Equal(("uk-fca", 4), (report.ProfileCode, report.Closed));
            Assert.Equal(["3bd", "8w", SlaBucketReport.Outside], report.Buckets.Select(b => b.Key));
            Assert.Equal([1, 2, 1], report.Buckets.Select(b => b.Count));
            Assert.Equal([0.25, 0.5, 0.25], report.Buckets.Select(b => b.Share ?? -1));
            Assert.Null(report.Buckets[^1].Within);
            var lead = await (await app.SignInAsync("lead")).GetJsonAsync<SlaBucketReport>($"{Report}?{Period(closed)}");
            Assert.Equal([1, 2, 1], lead.Buckets.Select(b => b.Count));
        });
    }

    [Fact]
    public async Task EachBucketDrillsDownToItsCases_APageAtATime()
    {
        var closed = await ClosedCasesAsync();
        await WithFcaActiveAsync(async () =>
        {
            var quality = await app.SignInAsync("quality");
            Assert.Equal([closed.Fast], (await quality.GetJsonAsync<CasePage>($"{Report}/cases?{Period(closed)}&bucket=3bd")).Items.Select(c => c.Number));
            Assert.Equal([closed.Late], (await quality.GetJsonAsync<CasePage>($"{Report}/cases?{Period(closed)}&bucket=outside")).Items.Select(c => c.Number));
            var numbers = new List<string>();
            string? cursor = null;
            do
            {
                var page = await quality.GetJsonAsync<CasePage>($"{Report}/cases?{Period(closed)}&bucket=8w&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
                Assert.True(page.Items.Count <= 1);
                numbers.AddRange(page.Items.Select(c => c.Number));
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            Assert.Equal([closed.Slow, closed.Slower], numbers);
            // Quality sees customer data masked, as in every case list (R-SEC-2).
            Assert.All((await quality.GetJsonAsync<CasePage>($"{Report}/cases?{Period(closed)}&bucket=8w")).Items, c => Assert.Contains('*', c.CustomerName));
        });
    }

    [Fact]
    public async Task APeriodWithoutClosedCases_HasZeroCountsAndNoShares()
    {
        var closed = await ClosedCasesAsync();
        var report = await (await app.SignInAsync("admin")).GetJsonAsync<SlaBucketReport>(
            $"{Report}?from={Iso(closed.To.AddDays(1))}&to={Iso(closed.To.AddDays(2))}");

        Assert.Equal(("internal", 0), (report.ProfileCode, report.Closed));
        Assert.All(report.Buckets, b => Assert.Equal((0, (double?)null), (b.Count, b.Share)));
        Assert.Equal(["3wd", "10wd", "15wd", SlaBucketReport.Outside], report.Buckets.Select(b => b.Key));
    }

    [Theory]
    [InlineData("", "period_required", "from")]
    [InlineData("from=2030-01-02T00:00:00Z", "period_required", "to")]
    [InlineData("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "period_order", "to")]
    [InlineData("from=2030-01-01T00:00:00Z&to=2031-01-03T00:00:00Z", "period_too_long", "to")]
    [InlineData("from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&bucket=99d", "unknown_bucket", "bucket", true)]
    [InlineData("from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&bucket=outside&cursor=nonsense", "bad_cursor", "cursor", true)]
    [InlineData("from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&bucket=outside&limit=0", "limit_out_of_range", "limit", true)]
    public async Task BadInput_IsA400Problem_NamingTheField(string query, string code, string field, bool cases = false)
    {
        var admin = await app.SignInAsync("admin");

        var problem = await Expect.ProblemAsync(await admin.GetAsync($"{Report}{(cases ? "/cases" : "")}?{query}"), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task RolesThatDoNotReadTheOverview_Get403()
    {
        var handler = await app.SignInAsync("handler");
        var query = "from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z";
        Assert.Equal("role_not_allowed", (await Expect.ProblemAsync(await handler.GetAsync($"{Report}?{query}"), HttpStatusCode.Forbidden)).Code);
        await Expect.ProblemAsync(await handler.GetAsync($"{Report}/cases?{query}&bucket=outside"), HttpStatusCode.Forbidden);
    }

    private async Task WithFcaActiveAsync(Func<Task> test)
    {
        var admin = await app.SignInAsync("admin");
        await Expect.StatusAsync(await admin.PostAsync("/api/v1/sla/profiles/uk-fca/activate", null), HttpStatusCode.OK);
        try
        {
            await test();
        }
        finally
        {
            await Expect.StatusAsync(await admin.PostAsync("/api/v1/sla/profiles/internal/activate", null), HttpStatusCode.OK);
        }
    }

    private static string Period(Closed c) => $"from={Iso(c.From)}&to={Iso(c.To)}";

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}

public sealed class SlaBucketsOnSqlite(SqliteApp app) : SlaBucketTests<SqliteApp>(app);

public sealed class SlaBucketsOnPostgres(PostgresApp app) : SlaBucketTests<PostgresApp>(app);
