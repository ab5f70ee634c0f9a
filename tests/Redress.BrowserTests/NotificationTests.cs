using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>The bell (issue 3, R-SLA-4) and the case's clocks (issue 4 part 4), in the browser.</summary>
public sealed class NotificationTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A real warning through the real scheduler: a grade 2 case's supervisor report warns 45 minutes after
    /// registration. The server runs on the real clock, so the test moves that one clock's warning time into the
    /// past in the database; the server's own pass (every 2 s here) then takes the step and writes the notification
    /// exactly as it would have after 45 minutes.
    /// </summary>
    [Fact]
    public async Task Lead_SeesTheWarningInTheBell_OpensTheCase_AndTheCountDrops()
    {
        using var leadApi = await app.ApiAsync("lead");
        (await leadApi.PostAsJsonAsync("notifications/read-all", new { }, Ct)).EnsureSuccessStatusCode();
        var kase = await RegisterGrade2Async("洗衣机漏水泡坏地板 " + Guid.NewGuid().ToString("N")[..6]);
        await WarnNowAsync(kase.Id, "SupervisorReport");
        var warning = await WaitForNotificationAsync(leadApi, kase.Id);

        var page = await app.OpenAsync("lead");
        var bell = page.GetByTestId("bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", "1");
        var button = bell.GetByRole(AriaRole.Button);
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-label", "通知：1 条未读");
        await Assertions.Expect(bell).ToContainTextAsync("1");

        // The keyboard opens and closes it.
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var item = page.Locator(".bell-popover [data-testid=bell-item]").Filter(new() { HasText = kase.Number });
        await Assertions.Expect(item).ToContainTextAsync($"{kase.Number}：上报主管即将到期");
        await Assertions.Expect(item).ToContainTextAsync("刚刚");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-unread", "true");
        await BrowserApp.ScreenshotAsync(page, "NotificationBellOpen");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(item).Not.ToBeVisibleAsync();

        await button.ClickAsync();
        await item.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{kase.Id}$"));
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-label", "通知：没有未读");
        var read = await NotificationsAsync(leadApi, kase.Id);
        Assert.NotNull(read.Single(n => n.Id == warning.Id).ReadAt);

        // The case page shows its clocks: the warned one in words, beside its colour.
        var clocks = page.GetByTestId("case-clocks");
        var supervisor = clocks.GetByTestId("clock-SupervisorReport");
        await Assertions.Expect(supervisor).ToHaveAttributeAsync("data-state", "Warned");
        await Assertions.Expect(supervisor.GetByTestId("clock-state")).ToHaveTextAsync("即将到期");
        await Assertions.Expect(supervisor.GetByTestId("clock-left")).ToContainTextAsync("剩余");
        await Assertions.Expect(clocks.GetByTestId("clock-Acknowledgement")).ToHaveAttributeAsync("data-state", "Running");
        await Assertions.Expect(clocks.GetByTestId("clock-Resolution")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, nameof(Lead_SeesTheWarningInTheBell_OpensTheCase_AndTheCountDrops));

        // In the queue, the row shows the running clock due first (acknowledgement and supervisor report are both due in an hour).
        await page.GotoAsync($"/?q={kase.Number}");
        await Assertions.Expect(page.GetByTestId("case-table").GetByTestId("row-clock"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^确认受理：剩余 \d+ 分钟$"));
    }

    [Fact]
    public async Task User_TurnsAnEventOffOnTheSettingsPage_AndTheChoiceIsKept()
    {
        var page = await app.OpenAsync("quality", "en");
        await page.GetByTestId("bell").GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator(".bell-popover [data-testid=bell-settings]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/settings/notifications$"));

        var inApp = page.GetByLabel("In the bell: A case is assigned to you");
        await Assertions.Expect(inApp).ToBeCheckedAsync();
        await inApp.ClickAsync();
        await page.GetByTestId("save-preferences").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preferences-saved")).ToHaveTextAsync("Your choices are saved.");
        await BrowserApp.ScreenshotAsync(page, nameof(User_TurnsAnEventOffOnTheSettingsPage_AndTheChoiceIsKept));

        using var api = await app.ApiAsync("quality");
        var choices = await api.GetFromJsonAsync<List<Choice>>("me/notification-preferences", Json, Ct);
        Assert.Equal(new Choice("CaseAssigned", false, false), choices!.Single(c => c.Event == "CaseAssigned"));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("In the bell: A case is assigned to you")).Not.ToBeCheckedAsync();
    }

    private async Task<Registered> RegisterGrade2Async(string subject)
    {
        using var api = await app.ApiAsync("agent");
        var departments = await api.GetFromJsonAsync<List<DepartmentRow>>("departments", Json, Ct);
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description = "客户反映洗衣机排水管漏水，木地板被泡坏，要求赔偿。", demand = "Compensation", grade = 2,
            customer = new { name = "周宁", phone = "13722223333" },
            leadDepartmentId = departments!.Single(d => d.Code == "AFTERSALES").Id,
        }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json, Ct))!;
    }

    /// <summary>Moves one clock's warning into the past, in the format EF Core stores times in on SQLite.</summary>
    private async Task WarnNowAsync(long caseId, string target)
    {
        await using var db = new SqliteConnection($"Data Source={app.DatabasePath};Default Timeout=30");
        await db.OpenAsync(Ct);
        await using var update = db.CreateCommand();
        update.CommandText = """UPDATE "CaseClocks" SET "WarnAt" = $past, "NextCheckAt" = $past WHERE "CaseId" = $case AND "Target" = $target AND "WarnedAt" IS NULL""";
        update.Parameters.AddWithValue("$past", DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        update.Parameters.AddWithValue("$case", caseId);
        update.Parameters.AddWithValue("$target", target);
        Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct));
    }

    private static async Task<Item> WaitForNotificationAsync(HttpClient api, long caseId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await NotificationsAsync(api, caseId)).FirstOrDefault() is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"No notification about case {caseId} within 30 s: is the SLA scheduler running?");
            await Task.Delay(500, Ct);
        }
    }

    private static async Task<List<Item>> NotificationsAsync(HttpClient api, long caseId) =>
        [.. (await api.GetFromJsonAsync<NotificationPage>("notifications?limit=100", Json, Ct))!.Items.Where(n => n.CaseId == caseId)];

    private sealed record Registered(long Id, string Number);

    private sealed record DepartmentRow(int Id, string Code);

    private sealed record Item(long Id, string Event, string Title, long? CaseId, DateTime? ReadAt);

    private sealed record NotificationPage(List<Item> Items, long? NextBefore);

    private sealed record Choice(string Event, bool Email, bool InApp);
}
