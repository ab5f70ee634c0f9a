using Microsoft.Extensions.DependencyInjection;
using Redress.Features.Analytics;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Analytics;

/// <summary>
/// The overview's figures are kept per reader scope for Analytics:OverviewMaxAge: a visit within it gets the same
/// figures, a visit after it gets them at once and starts one refresh, and the next visit sees the new ones.
/// </summary>
public sealed class OverviewCacheTests
{
    private const string Path = "/api/v1/analytics/overview";

    [Fact]
    public async Task StaleFigures_AreServedOnce_WhileTheyAreRefreshed()
    {
        await using var app = new SqliteApp { OverviewMaxAge = "00:01:00" };
        await app.InitializeAsync();
        var executive = await app.SignInAsync("executive");
        var first = await executive.GetJsonAsync<Overview>(Path);

        await (await app.SignInAsync("agent")).RegisterAsync(A.Case().Build());
        var cached = await executive.GetJsonAsync<Overview>(Path);
        Assert.Equal((first.AsOf, first.Open), (cached.AsOf, cached.Open));

        app.Advance(TimeSpan.FromMinutes(2));
        var stale = await executive.GetJsonAsync<Overview>(Path);
        Assert.Equal((first.AsOf, first.Open), (stale.AsOf, stale.Open));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Overview fresh;
        do
        {
            await Task.Delay(50, Test.Ct);
            fresh = await executive.GetJsonAsync<Overview>(Path);
        }
        while (fresh.AsOf == first.AsOf && DateTime.UtcNow < deadline);
        Assert.Equal(first.AsOf.AddMinutes(2), fresh.AsOf);
        Assert.Equal(first.Open + 1, fresh.Open);
    }

    [Fact]
    public async Task AfterStart_TheOverviewOfEveryReaderScopeIsComputed_BeforeAnyVisit()
    {
        await using var app = new SqliteApp { OverviewMaxAge = "00:01:00" };
        await app.InitializeAsync();
        var cache = app.Services.GetRequiredService<OverviewCache>();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (cache.Scopes.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(50, Test.Ct);

        // The demo's readers: the executive, quality manager, administrator and auditor see everything; the lead sees AFTERSALES.
        Assert.Equal(new[] { "all", $"departments:{app.Ids.Departments["AFTERSALES"]}" }.Order(), cache.Scopes.Order());
    }
}
