using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>The report buckets of R-SLA-5, reached from the overview, with the same figures as the API.</summary>
public sealed class ReportBucketTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Quality_OpensTheBucketReportFromTheOverview_AndDrillsDownToABucketsCases()
    {
        var page = await app.OpenAsync("quality");
        await page.GotoAsync("/overview");
        await page.GetByTestId("link-sla-buckets").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bucket-table")).ToBeVisibleAsync();
        var from = await page.Locator("#f-from").InputValueAsync();
        var to = await page.Locator("#f-to").InputValueAsync();

        // The page's local days (Asia/Shanghai, the demo's numbering zone) as the API's instants.
        using var api = await app.ApiAsync("quality");
        var (start, end) = (Midnight(from), Midnight(to).AddDays(1));
        var report = await api.GetFromJsonAsync<Report>($"analytics/sla-buckets?from={Iso(start)}&to={Iso(end)}", Json, TestContext.Current.CancellationToken);
        foreach (var bucket in report!.Buckets)
            await Assertions.Expect(page.GetByTestId($"bucket-{bucket.Key}").GetByTestId("bucket-count")).ToHaveTextAsync(bucket.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("bucket-outside")).ToContainTextAsync("超出所有分档");

        var busiest = report.Buckets.MaxBy(b => b.Count)!;
        await page.GetByTestId($"drill-{busiest.Key}").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"bucket={busiest.Key}"));
        await Assertions.Expect(page.GetByTestId("bucket-cases").Locator("tbody tr")).ToHaveCountAsync(Math.Max(1, Math.Min(busiest.Count, 50)));
        await BrowserApp.ScreenshotAsync(page, nameof(Quality_OpensTheBucketReportFromTheOverview_AndDrillsDownToABucketsCases));
    }

    private static DateTimeOffset Midnight(string date) =>
        new(DateTime.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddHours(-8), TimeSpan.Zero);

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

    private sealed record Report(List<Bucket> Buckets);

    private sealed record Bucket(string Key, int Count);
}
