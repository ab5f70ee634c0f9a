using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>R-IN-2: case numbers are unique and gapless under concurrency, in the configured format.</summary>
public abstract partial class NumberingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task TwoHundredParallelRegistrations_GetTwoHundredDistinctConsecutiveNumbers()
    {
        var agent = await app.SignInAsync("agent");

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            agent.RegisterAsync(A.Case().Via(Channel.Api).About($"Parallel registration {i}").Build())));

        AssertConsecutive(created, "API", app.Clock.GetUtcNow());
        var stored = await app.QueryAsync(db => db.Cases.CountAsync(c => c.Subject.StartsWith("Parallel registration"), Test.Ct));
        Assert.Equal(200, stored);
    }

    /// <summary>Distinct, today's date in the organisation's zone, this channel, serials with no gap.</summary>
    protected static void AssertConsecutive(IReadOnlyCollection<CaseDetails> created, string channelCode, DateTimeOffset now)
    {
        var date = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal(created.Count, created.Select(c => c.Number).Distinct().Count());
        Assert.Equal(created.Count, created.Select(c => c.Id).Distinct().Count());
        Assert.All(created, c => Assert.Matches(NumberPattern(), c.Number));
        Assert.All(created, c => Assert.StartsWith($"{date}-{channelCode}-", c.Number, StringComparison.Ordinal));
        var serials = created.Select(c => int.Parse(c.Number[^4..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(serials[0], created.Count), serials);
    }

    [GeneratedRegex(@"^\d{8}-[A-Z]{3}-\d{4}$")]
    private static partial Regex NumberPattern();
}

public sealed class NumberingOnSqlite(SqliteApp app) : NumberingTests<SqliteApp>(app);

public sealed class NumberingOnPostgres(PostgresApp app) : NumberingTests<PostgresApp>(app)
{
    private readonly PostgresApp _app = app;

    /// <summary>Two instances behind a load balancer share one database and one counter.</summary>
    [Fact]
    public async Task TwoHostsOnOneDatabase_RegisteringAtOnce_GetDistinctConsecutiveNumbers()
    {
        PostgresServer.Require();
        await using var second = new PostgresApp { SharedDatabase = new PostgresDatabase("(shared)", _app.ConnectionString), Clock = _app.Clock };
        await second.InitializeAsync();
        var (one, two) = (await _app.SignInAsync("agent"), await second.SignInAsync("agent"));

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? one : two).RegisterAsync(A.Case().Via(Channel.Visit).About($"Two hosts {i}").Build())));

        AssertConsecutive(created, "VIS", _app.Clock.GetUtcNow());
        var (fromTwo, readByOne) = (created[1], await one.GetCaseAsync(created[1].Id));
        Assert.Equal(fromTwo.Number, readByOne.Case.Number);
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync($"/api/v1/cases/{created[3].Id}")).StatusCode);
    }
}
