using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>群体投诉 (issue 5 part 6): five customers on one product open an incident that quality runs from its page.</summary>
public sealed class IncidentTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task QualityManager_FindsTheIncidentFromACase_TakesItOn_AndWritesToEveryCustomer()
    {
        var sku = "KT-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await RegisterAsync(sku));

        using (var api = await app.ApiAsync("quality"))
        {
            var incident = await api.GetAsync($"cases/{ids[0]}/incident", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, incident.StatusCode);
        }
        var page = await app.OpenAsync("quality");
        await page.GotoAsync($"/cases/{ids[0]}");
        await Assertions.Expect(page.GetByTestId("case-number")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("case-incident")).ToContainTextAsync("群体投诉");
        await page.GetByTestId("case-incident-link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("incident-label")).ToContainTextAsync(sku);
        await Assertions.Expect(page.GetByTestId("incident-customers")).ToHaveTextAsync("5");
        await Assertions.Expect(page.GetByTestId("incident-updates")).ToContainTextAsync("事件开启");
        await Controls.ChooseAsync(page, "owner-select", "陈静");
        await page.GetByTestId("assign-owner").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-owner")).ToContainTextAsync("陈静");

        await page.Locator("#incident-text").FillAsync("该批次已全部下架。");
        await page.GetByTestId("contain").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("已控制");

        await page.Locator("#message-summary").FillAsync("关于电热水壶的说明");
        await page.Locator("#message-content").FillAsync("我们已召回该批次产品，将为您免费更换。");
        await page.GetByTestId("send-message").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-done")).ToContainTextAsync("5");
        await Assertions.Expect(page.GetByTestId("incident-updates")).ToContainTextAsync("已统一告知全部客户");
        await BrowserApp.ScreenshotAsync(page, nameof(QualityManager_FindsTheIncidentFromACase_TakesItOn_AndWritesToEveryCustomer));

        await page.GotoAsync("/incidents");
        await Assertions.Expect(page.GetByTestId("incidents")).ToContainTextAsync(sku);
    }

    private async Task<long> RegisterAsync(string sku)
    {
        using var api = await app.ApiAsync("agent");
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject = "水壶盖子裂了", description = "收到的水壶盖子有裂纹，要求换货。", demand = "Exchange",
            customer = new { name = "王建国", phone = "159" + Random.Shared.Next(10_000_000, 99_999_999) },
            product = new { productName = "电热水壶 " + sku, sku },
        }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json))!.Id;
    }

    private sealed record Registered(long Id);
}
