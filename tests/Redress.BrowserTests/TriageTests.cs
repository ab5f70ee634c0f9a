using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>Triage on the case page (issue 5): the agent sees what is suggested and why, and accepts it.</summary>
public sealed class TriageTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Agent_SeesTheSuggestionWithItsReasons_AndAcceptsIt()
    {
        var registered = await RegisterAsync("快递迟迟不到 " + Guid.NewGuid().ToString("N")[..6], "快递延误一周还没到，物流信息也不更新，太差了！！");
        var page = await app.OpenAsync("agent");
        await page.GotoAsync($"/cases/{registered.Id}");

        var panel = page.GetByTestId("triage-panel");
        await Assertions.Expect(panel.GetByTestId("triage-category")).ToContainTextAsync("配送延误");
        await Assertions.Expect(panel.GetByTestId("triage-category")).ToContainTextAsync("还没到");
        await Assertions.Expect(panel.GetByTestId("triage-category")).ToContainTextAsync("关键词规则");
        await Assertions.Expect(panel.GetByTestId("triage-anger")).Not.ToHaveTextAsync("平静");
        await BrowserApp.ScreenshotAsync(page, "TriagePanelSuggested");

        await panel.GetByTestId("triage-accept").ClickAsync();

        await Assertions.Expect(panel.GetByTestId("triage-decided")).ToContainTextAsync("已采纳");
        await Assertions.Expect(page.Locator(".facts").First).ToContainTextAsync("配送延误");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("分类分级");
        using var api = await app.ApiAsync("agent");
        var details = await api.GetFromJsonAsync<CaseRow>($"cases/{registered.Id}", Json, TestContext.Current.CancellationToken);
        Assert.Equal("L-LATE", details!.Category?.Code);
        await BrowserApp.ScreenshotAsync(page, nameof(Agent_SeesTheSuggestionWithItsReasons_AndAcceptsIt));
    }

    [Fact]
    public async Task Admin_IsToldAtTheFieldThatAPatternIsBad_AndTriesARuleOnAText()
    {
        var page = await app.OpenAsync("admin");
        await page.GotoAsync("/admin/triage/rules");
        await Assertions.Expect(page.GetByTestId("triage-rules")).ToContainTextAsync("安全事故");

        await page.Locator("#f-rule-name").FillAsync("索赔威胁 " + Guid.NewGuid().ToString("N")[..4]);
        await Controls.ChooseAsync(page, "f-rule-kind", "正则表达式");
        await page.Locator("#f-rule-terms").FillAsync("(赔偿");
        await Controls.ChooseAsync(page, "f-rule-grade", "二级");
        await page.GetByTestId("save-rule").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-form")).ToContainTextAsync("不是有效的正则表达式");

        await page.Locator("#f-test-text").FillAsync("昨晚电水壶起火了");
        await page.GetByTestId("test-rules").ClickAsync();
        await Assertions.Expect(page.GetByTestId("test-result").GetByTestId("triage-grade")).ToContainTextAsync("已由规则自动应用");
        await BrowserApp.ScreenshotAsync(page, nameof(Admin_IsToldAtTheFieldThatAPatternIsBad_AndTriesARuleOnAText));
    }

    private async Task<Registered> RegisterAsync(string subject, string description)
    {
        using var api = await app.ApiAsync("agent");
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description, demand = "Explanation",
            customer = new { name = "王建国", phone = "159" + Random.Shared.Next(10_000_000, 99_999_999) },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json))!;
    }

    private sealed record Registered(long Id, string Number);

    private sealed record CaseRow(long Id, CategoryRef? Category);

    private sealed record CategoryRef(string Code);
}
