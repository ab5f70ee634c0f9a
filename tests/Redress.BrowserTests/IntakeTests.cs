using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Redress.BrowserTests.Controls;

namespace Redress.BrowserTests;

/// <summary>Phone intake (/cases/new): customer history beside the form (R-IN-6), the acknowledgement (R-IN-4).</summary>
public sealed class IntakeTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Agent_SeesTheCallersEarlierCase_RegistersAChineseComplaint_AndReadsOutTheAcknowledgement()
    {
        var phone = NewPhone();
        var earlier = await RegisterThroughApiAsync("冰箱门封条脱落 " + Guid.NewGuid().ToString("N")[..6], phone);
        var page = await app.OpenAsync("agent");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/cases/new");

        // The caller's number, written the way people say it: the earlier case shows beside the form.
        await page.Locator("#f-phone").FillAsync($"+86 {phone[..3]} {phone[3..7]} {phone[7..]}");
        await page.Locator("#f-name").FocusAsync();
        var history = page.GetByTestId("customer-history");
        await Assertions.Expect(history.GetByTestId("history-case")).ToHaveCountAsync(1);
        await Assertions.Expect(history).ToContainTextAsync(earlier.Number);

        var subject = "洗衣机外壳破损 " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#f-name").FillAsync("张敏");
        await page.Locator("#f-subject").FillAsync(subject);
        await page.Locator("#f-description").FillAsync("昨天送货上门，开箱发现机身右侧明显凹陷，客户要求换一台新的。");
        await page.Locator("#f-ordernumber").FillAsync("SO20261123001");
        await ChooseAsync(page, "f-demand", "换货");
        await ChooseAsync(page, "f-category", "外观破损");
        await ChooseAsync(page, "f-grade", "二级");
        await BrowserApp.ScreenshotAsync(page, nameof(Agent_SeesTheCallersEarlierCase_RegistersAChineseComplaint_AndReadsOutTheAcknowledgement) + "_Form");
        // An impatient double click still registers one case (checked through the API below).
        await page.GetByTestId("intake-submit").DblClickAsync();

        var ack = page.GetByTestId("acknowledgement");
        await ack.WaitForAsync();
        var number = (await page.GetByTestId("ack-number").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{8}-TEL-\d{4}$", number);

        // Through the API: the case exists with what the agent typed.
        using var api = await app.ApiAsync("agent");
        var saved = (await api.GetFromJsonAsync<Page>($"cases?q={number}", Json, TestContext.Current.CancellationToken))!.Items.Single();
        var details = (await api.GetFromJsonAsync<Details>($"cases/{saved.Id}", Json, TestContext.Current.CancellationToken))!;
        Assert.Equal((subject, "Phone", 2, "Exchange", "张敏"), (details.Subject, details.Channel, details.Grade, details.Demand, details.Customer.Name));
        Assert.Equal("外观破损", details.Category!.NameZh);

        // The text to read out: the number and the reply time the SLA policy promises, in the agent's zone.
        var replyBy = TimeZoneInfo.ConvertTimeFromUtc(details.PromisedReplyAt, Shanghai).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        var text = await page.GetByTestId("ack-text").InnerTextAsync();
        Assert.Contains(number, text);
        Assert.Contains(replyBy, text);
        Assert.Contains("张敏", text);

        await page.GetByTestId("ack-copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ack-copied")).ToContainTextAsync("已复制");
        Assert.Equal(text.Trim(), (await page.EvaluateAsync<string>("navigator.clipboard.readText()")).Trim());
        await BrowserApp.ScreenshotAsync(page, nameof(Agent_SeesTheCallersEarlierCase_RegistersAChineseComplaint_AndReadsOutTheAcknowledgement));

        // The customer's history now has both cases.
        var after = await api.GetFromJsonAsync<List<Summary>>($"customers/history?phone={phone}", Json, TestContext.Current.CancellationToken);
        Assert.Equal([saved.Id, earlier.Id], after!.Select(c => c.Id));

        await page.GetByTestId("ack-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-number")).ToHaveTextAsync(number);
    }

    [Fact]
    public async Task MissingRequiredField_ShowsTheMessageAtTheField_AndRegistersNothing()
    {
        var phone = NewPhone();
        var page = await app.OpenAsync("agent");
        await page.GotoAsync("/cases/new");
        await page.Locator("#f-phone").FillAsync(phone);
        await page.Locator("#f-name").FillAsync("李雷");
        await page.Locator("#f-description").FillAsync("快递三天未送达，电话无人接听。");
        await ChooseAsync(page, "f-demand", "解释说明");
        // No subject.
        await page.GetByTestId("intake-submit").ClickAsync();

        await page.GetByTestId("intake-invalid").WaitForAsync();
        await Assertions.Expect(Field(page, "#f-subject")).ToContainTextAsync("必填");
        await Assertions.Expect(Field(page, "#f-description")).Not.ToContainTextAsync("必填");
        await Assertions.Expect(page.Locator("#f-subject")).ToBeFocusedAsync();

        using var api = await app.ApiAsync("agent");
        var history = await api.GetFromJsonAsync<List<Summary>>($"customers/history?phone={phone}", Json, TestContext.Current.CancellationToken);
        Assert.Empty(history!);
        await BrowserApp.ScreenshotAsync(page, nameof(MissingRequiredField_ShowsTheMessageAtTheField_AndRegistersNothing));
    }

    [Fact]
    public async Task NoWayToReachTheCustomer_IsRefusedAtThePhoneField_InEnglish()
    {
        var name = "Nobody " + Guid.NewGuid().ToString("N")[..6];
        var page = await app.OpenAsync("agent", locale: "en");
        await page.GotoAsync("/cases/new");
        await page.Locator("#f-name").FillAsync(name);
        await page.Locator("#f-subject").FillAsync("Kettle lid cracked");
        await page.Locator("#f-description").FillAsync("The lid cracked the first time it boiled.");
        await ChooseAsync(page, "f-demand", "Exchange");
        await page.GetByTestId("intake-submit").ClickAsync();

        await Assertions.Expect(Field(page, "#f-phone")).ToContainTextAsync("Give at least one way to reach the customer");
        using var api = await app.ApiAsync("agent");
        var byName = await api.GetFromJsonAsync<List<Summary>>($"customers/history?name={Uri.EscapeDataString(name)}", Json, TestContext.Current.CancellationToken);
        Assert.Empty(byName!);
        await BrowserApp.ScreenshotAsync(page, nameof(NoWayToReachTheCustomer_IsRefusedAtThePhoneField_InEnglish));
    }

    /// <summary>The whole MudBlazor field around an input: label, input and its message.</summary>
    private static ILocator Field(IPage page, string input) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator(input) });

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<Summary> RegisterThroughApiAsync(string subject, string phone)
    {
        using var api = await app.ApiAsync("agent");
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description = "门封条脱落，冷藏室不凉。", demand = "Repair",
            customer = new { name = "张敏", phone },
        }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Summary>(Json, TestContext.Current.CancellationToken))!;
    }

    private sealed record Summary(long Id, string Number);

    private sealed record Page(List<Summary> Items);

    private sealed record Named(string NameZh);

    private sealed record Person(string Name);

    private sealed record Details(long Id, string Subject, string Channel, int Grade, string Demand, Person Customer, Named? Category, DateTime DueAt, DateTime PromisedReplyAt);
}
