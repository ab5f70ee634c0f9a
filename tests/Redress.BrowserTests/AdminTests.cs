using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Redress.BrowserTests.Controls;

namespace Redress.BrowserTests;

/// <summary>Administration pages, reply templates on the case page and saved views (issue 3, parts 7 and 2).</summary>
public sealed class AdminTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Admin_AddsASubCategory_ThatTheQueueFilterOffersInBothLanguages()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (zh, en) = ($"包装破损{suffix}", $"Damaged packaging {suffix}");
        var admin = await app.OpenAsync("admin");
        await admin.GetByTestId("nav-admin").ClickAsync();
        await admin.GetByTestId("users").WaitForAsync();
        await admin.GotoAsync("/admin/categories");
        await admin.Locator("#f-code").FillAsync($"Q-PACK-{suffix}");
        await admin.Locator("#f-namezh").FillAsync(zh);
        await admin.Locator("#f-nameen").FillAsync(en);
        await ChooseAsync(admin, "f-parent", "产品质量");
        await admin.GetByTestId("save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("categories")).ToContainTextAsync(zh);
        await BrowserApp.ScreenshotAsync(admin, "AdminCategoriesPage");

        var agent = await app.OpenAsync("agent");
        await ChooseAsync(agent, "filter-category", zh);
        // The filter changes the URL in place (history.pushState): poll for it rather than wait for a page load.
        await Assertions.Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("category="));
        var english = await app.OpenAsync("agent", "en");
        await english.GetByTestId("filter-category").ClickAsync();
        await Assertions.Expect(english.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = en })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(english, nameof(Admin_AddsASubCategory_ThatTheQueueFilterOffersInBothLanguages));
    }

    [Fact]
    public async Task Admin_WritesAReplyTemplate_AndAnAgentLogsAContactWithIt()
    {
        var name = "致歉 " + Guid.NewGuid().ToString("N")[..6];
        var admin = await app.OpenAsync("admin");
        await admin.GotoAsync("/admin/reply-templates");
        await admin.Locator("#f-name").FillAsync(name);
        await admin.Locator("#f-text").FillAsync("尊敬的{customer}：关于您的投诉 {number}，我们深表歉意，将尽快处理。");
        await admin.GetByTestId("save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("templates")).ToContainTextAsync(name);

        var registered = await RegisterAsync("快递盒破损 " + Guid.NewGuid().ToString("N")[..6]);
        var agent = await app.OpenAsync("agent");
        await agent.GotoAsync($"/cases/{registered.Id}");
        await agent.GetByTestId("action-AddCommunication").ClickAsync();
        await ChooseAsync(agent, "f-template", name);
        var filled = $"尊敬的张敏：关于您的投诉 {registered.Number}，我们深表歉意，将尽快处理。";
        await Assertions.Expect(agent.Locator("#f-content")).ToHaveValueAsync(filled);
        await ChooseAsync(agent, "f-direction", "");
        await ChooseAsync(agent, "f-method", "");
        await agent.GetByTestId("action-submit").ClickAsync();
        await agent.GetByTestId("action-form").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        using var api = await app.ApiAsync("agent");
        var logged = await api.GetFromJsonAsync<List<CommunicationRow>>($"cases/{registered.Id}/communications", Json, TestContext.Current.CancellationToken);
        Assert.Contains(logged!, c => c.Content == filled && c.Summary == name);
        await BrowserApp.ScreenshotAsync(agent, nameof(Admin_WritesAReplyTemplate_AndAnAgentLogsAContactWithIt));
    }

    [Fact]
    public async Task User_SavesTheFiltersAsAView_AndOpensIt()
    {
        var page = await app.OpenAsync("quality", "en");
        await page.GotoAsync("/?queue=all&grade=3&sort=due");
        await page.GetByTestId("case-table").WaitForAsync();
        await page.Locator("#view-name").FillAsync("grade-3-by-due");
        await page.GetByTestId("save-view").ClickAsync();
        var view = page.GetByTestId("view-grade-3-by-due");
        await view.WaitForAsync();

        await page.GotoAsync("/");
        await view.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/\?queue=all&grade=3&sort=due$"));
        await Assertions.Expect(view).ToHaveAttributeAsync("aria-current", "page");
        var grades = await page.Locator(".case-table .grade").AllInnerTextsAsync();
        Assert.NotEmpty(grades);
        Assert.All(grades, g => Assert.Contains("3", g, StringComparison.Ordinal));
        // The count is its own query, a moment after the list: other tests may have registered grade 3 cases since.
        await Assertions.Expect(view).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\s\d[\d,]*\+?\s*$"));
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(await view.InnerTextAsync(), @"(\d[\d,]*)\+?\s*$").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= grades.Count, $"The view counts {count} cases but lists {grades.Count}.");

        // Another user does not see it.
        var other = await app.OpenAsync("lead", "en");
        await other.GetByTestId("saved-views").WaitForAsync();
        Assert.Equal(0, await other.GetByTestId("view-grade-3-by-due").CountAsync());
        await BrowserApp.ScreenshotAsync(page, nameof(User_SavesTheFiltersAsAView_AndOpensIt));
    }

    private async Task<Registered> RegisterAsync(string subject)
    {
        using var api = await app.ApiAsync("agent");
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description = "外包装破损，商品完好", demand = "Apology",
            customer = new { name = "张敏", phone = "13812345678" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json))!;
    }

    private sealed record Registered(long Id, string Number);

    private sealed record CommunicationRow(string Summary, string? Content);
}
