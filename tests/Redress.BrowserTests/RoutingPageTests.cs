using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>/admin/routing (R-WF-2): an administrator writes a rule, tries it, and sets a department's policy.</summary>
public sealed class RoutingPageTests(BrowserApp app)
{
    [Fact]
    public async Task Admin_WritesARegionRule_TriesIt_AndSetsAPolicy()
    {
        var town = "测试镇" + Guid.NewGuid().ToString("N")[..6];
        var admin = await app.OpenAsync("admin");
        await admin.GotoAsync("/admin/routing");
        await admin.Locator("#f-routing-name").FillAsync("华东 " + town);
        await Controls.ChooseAsync(admin, "f-routing-department", "物流部");
        await admin.Locator("#f-routing-region").FillAsync(town + ", Testville");
        await admin.GetByTestId("save-routing-rule").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("routing-rules")).ToContainTextAsync("华东 " + town);

        await admin.Locator("#f-routing-test-address").FillAsync(town + "幸福路1号");
        await admin.GetByTestId("test-routing").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("routing-test-result")).ToContainTextAsync("物流部");

        // Finance has no handlers, so its policy changes no other test's cases.
        var finance = admin.GetByTestId("routing-departments").Locator("tr").Filter(new() { HasText = "财务部" });
        await finance.Locator(".mud-select").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "轮流分派" }).First.ClickAsync();
        await Assertions.Expect(finance).ToContainTextAsync("本部门没有处理人");
        // The choice is saved on the circuit after the list closes: reload only once it is stored. (Not by the
        // "saved" message: the rule's save showed the same one, and a message already on screen is not shown twice.)
        using var api = await app.ApiAsync("admin");
        var financeId = (await api.GetFromJsonAsync<List<JsonElement>>("departments", TestContext.Current.CancellationToken))!
            .Single(d => d.GetProperty("code").GetString() == "FINANCE").GetProperty("id").GetInt32();
        for (var i = 0; i < 100; i++)
        {
            var stored = await api.GetFromJsonAsync<JsonElement>($"admin/routing/departments/{financeId}", TestContext.Current.CancellationToken);
            if (stored.GetProperty("policy").ToString() is "RoundRobin" or "1") break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await admin.ReloadAsync();
        await Assertions.Expect(finance.Locator("input").First).ToHaveValueAsync("轮流分派");
        await BrowserApp.ScreenshotAsync(admin, nameof(Admin_WritesARegionRule_TriesIt_AndSetsAPolicy));
    }
}
