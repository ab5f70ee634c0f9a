using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>Staff journeys through the real server in headless Chromium (issue 3).</summary>
public sealed partial class JourneyTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Agent_FindsANewCase_AcknowledgesAndAssignsIt_InTheBrowser()
    {
        var number = await RegisterAsync("agent", "洗衣机外壳破损 " + Guid.NewGuid().ToString("N")[..6], "13812345678");
        var page = await app.OpenAsync("agent");

        // The global search box finds it by number; the queue row opens the case.
        await page.Locator("#global-search").FillAsync(number.Number);
        await page.Locator("#global-search").PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = number.Number }).ClickAsync();
        await Expect(page.GetByTestId("case-number"), number.Number);

        await page.GetByTestId("action-Acknowledge").ClickAsync();
        await page.GetByTestId("action-submit").ClickAsync();
        await Expect(page.GetByTestId("case-status"), "已确认");

        await page.GetByTestId("action-Assign").ClickAsync();
        await ChooseAsync(page, "f-department", "售后服务部");
        await ChooseAsync(page, "f-handler", "");
        await page.GetByTestId("action-submit").ClickAsync();
        await Expect(page.GetByTestId("case-status"), "已分派");
        await Expect(page.GetByTestId("case-lead"), "售后服务部");
        Assert.Contains("分派", await page.GetByTestId("timeline").InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, nameof(Agent_FindsANewCase_AcknowledgesAndAssignsIt_InTheBrowser));
    }

    [Fact]
    public async Task Handler_CannotSeeAnotherDepartmentsCase()
    {
        var registered = await RegisterAsync("agent", "Parcel lost " + Guid.NewGuid().ToString("N")[..6], "13900001111", leadDepartmentCode: "LOGISTICS");
        var page = await app.OpenAsync("handler");   // After-sales
        await page.GotoAsync($"/cases/{registered.Id}");
        await page.GetByTestId("case-not-found").WaitForAsync();
        await page.Locator("#global-search").FillAsync(registered.Number);
        await page.Locator("#global-search").PressAsync("Enter");
        await page.GetByTestId("empty-queue").WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, nameof(Handler_CannotSeeAnotherDepartmentsCase));
    }

    [Fact]
    public async Task MaskedCustomerData_StaysMaskedUntilRevealed_AndTheViewIsRecorded()
    {
        var registered = await RegisterAsync("agent", "冰箱不制冷 " + Guid.NewGuid().ToString("N")[..6], "13812345678");
        var page = await app.OpenAsync("auditor");
        await page.GotoAsync($"/cases/{registered.Id}");
        await Expect(page.GetByTestId("customer-phone"), "138****5678");
        Assert.DoesNotContain("13812345678", await page.ContentAsync());

        await page.GetByTestId("reveal-customer").ClickAsync();
        await Expect(page.GetByTestId("customer-phone"), "13812345678");
        await Expect(page.GetByTestId("timeline"), "查看客户联系方式");
        await BrowserApp.ScreenshotAsync(page, nameof(MaskedCustomerData_StaysMaskedUntilRevealed_AndTheViewIsRecorded));
    }

    [Fact]
    public async Task StaleEdit_IsRefusedWithAMessage_AndNothingIsOverwritten()
    {
        var registered = await RegisterAsync("agent", "Late delivery " + Guid.NewGuid().ToString("N")[..6], "13700002222");
        var page = await app.OpenAsync("agent");
        await page.GotoAsync($"/cases/{registered.Id}");
        await page.GetByTestId("action-Withdraw").ClickAsync();
        await page.Locator("#f-reason").FillAsync("客户撤回");

        // Meanwhile someone else acknowledges the case through the API.
        using var api = await app.ApiAsync("agent");
        var ack = new HttpRequestMessage(HttpMethod.Post, $"cases/{registered.Id}/acknowledge") { Content = JsonContent.Create(new { }) };
        ack.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await api.SendAsync(ack, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await page.GetByTestId("action-submit").ClickAsync();
        await page.GetByTestId("stale-warning").WaitForAsync();
        var after = await api.GetFromJsonAsync<CaseState>($"cases/{registered.Id}", Json, TestContext.Current.CancellationToken);
        Assert.Equal("Acknowledged", after!.Status);
        await page.GetByTestId("reload").ClickAsync();
        await Expect(page.GetByTestId("case-status"), "已确认");
        await BrowserApp.ScreenshotAsync(page, nameof(StaleEdit_IsRefusedWithAMessage_AndNothingIsOverwritten));
    }

    [Fact]
    public async Task Handler_AddsAPhoto_SeesItsPreview_AndTheContactLog()
    {
        var registered = await RegisterAsync("agent", "破损照片 " + Guid.NewGuid().ToString("N")[..6], "13600003333", leadDepartmentCode: "AFTERSALES");
        using (var api = await app.ApiAsync("agent"))
        {
            var call = await api.PostAsJsonAsync($"cases/{registered.Id}/communications",
                new { direction = "Outbound", method = "Phone", summary = "致电客户核实破损情况", content = "客户确认外箱完好，机身凹陷。" }, TestContext.Current.CancellationToken);
            call.EnsureSuccessStatusCode();
        }
        var page = await app.OpenAsync("handler");
        await page.GotoAsync($"/cases/{registered.Id}");
        await Expect(page.GetByTestId("case-communications"), "致电客户核实破损情况");

        // Blazor's InputFile listens only once its script has set the input up; a file chosen before that is lost.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=file-input]')?._blazorInputFileNextFileId !== undefined");
        await page.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = "dent.png", MimeType = "image/png", Buffer = OnePixelPng });
        var preview = page.GetByTestId("file-preview");
        await preview.WaitForAsync();
        // The image really loads (the handler's cookie reaches the download endpoint), not just its tag.
        // The element can be in the page before its image has arrived, so wait for the load rather than read it once.
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=file-preview]'); return img && img.complete && img.naturalWidth === 1; }");
        await Expect(page.GetByTestId("timeline"), "添加附件");

        await page.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = "virus.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await Expect(page.GetByTestId("case-files"), "不接受此类型的文件");
        await BrowserApp.ScreenshotAsync(page, nameof(Handler_AddsAPhoto_SeesItsPreview_AndTheContactLog));
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task LanguageSwitch_TurnsTheVisibleStrings()
    {
        var page = await app.OpenAsync("lead");
        var chrome = page.Locator(".mud-appbar, .queue-list, .filters, .case-table thead, .queue-title, .mud-drawer");
        Assert.Matches(Han(), await chrome.AllInnerTextsAsync().ContinueWith(t => string.Join(" ", t.Result)));

        await page.GetByTestId("lang-en").ClickAsync();
        await page.GetByTestId("queue-unassigned").Filter(new() { HasText = "Unassigned" }).WaitForAsync();
        var english = string.Join(" ", await chrome.AllInnerTextsAsync());
        // The lead's own name (张伟 Zhang Wei) is data, not a UI string, and the switch names each language in
        // itself (中文 / English); department names switch with the language.
        var untranslated = Han().Matches(english.Replace("张伟", "", StringComparison.Ordinal).Replace("中文", "", StringComparison.Ordinal)).Select(m => m.Value);
        Assert.True(!untranslated.Any(), "Chinese left in the English page: " + english);
        await BrowserApp.ScreenshotAsync(page, nameof(LanguageSwitch_TurnsTheVisibleStrings));

        await page.GetByTestId("lang-zh-CN").ClickAsync();
        await page.GetByTestId("queue-unassigned").Filter(new() { HasText = "待分派" }).WaitForAsync();
    }

    private async Task<Registered> RegisterAsync(string user, string subject, string phone, string? leadDepartmentCode = null)
    {
        using var api = await app.ApiAsync(user);
        int? lead = null;
        if (leadDepartmentCode is not null)
        {
            var departments = await api.GetFromJsonAsync<List<DepartmentRow>>("departments", Json);
            lead = departments!.Single(d => d.Code == leadDepartmentCode).Id;
        }
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description = "送达时机身右侧凹陷 / dented on arrival", demand = "Exchange",
            customer = new { name = "张敏", phone }, leadDepartmentId = lead,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json))!;
    }

    private static Task ChooseAsync(IPage page, string testId, string option) => Controls.ChooseAsync(page, testId, option);

    private static Task Expect(ILocator locator, string text) =>
        Assertions.Expect(locator).ToContainTextAsync(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Han();

    private sealed record Registered(long Id, string Number);

    private sealed record CaseState(long Id, string Status);

    private sealed record DepartmentRow(int Id, string Code);
}
