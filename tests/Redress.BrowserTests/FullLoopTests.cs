using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>
/// The whole loop of issue 3, every step clicked in the browser by the person who takes it: a customer files
/// on the portal; an agent finds it, grades it 2, acknowledges and assigns it; the handler investigates and
/// proposes; the executive approves; the handler implements and asks the customer; the customer accepts and
/// rates; the lead finds it through the overview. Once in Chinese and once in English, every person's browser
/// in that language.
/// </summary>
public sealed class FullLoopTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What each person types and reads, in one language.</summary>
    public sealed record Words(
        string Locale, string Customer, string Subject, string Description, string Grade2, string AfterSales, string Findings, string Measures,
        string SolutionProposed, string AwaitingCustomer, string PortalClosed);

    // Words no default triage rule grades (safety words would make it grade 2 at filing: TriageTests covers that),
    // so the agent's own re-grade to 2 is the step that sends the plan to the executive.
    private static readonly Words Chinese = new("zh-CN", "周婷", "电热水器频繁跳闸", "热水器使用时多次跳闸停机，报修两次无人上门，要求上门检修并补偿。",
        "二级", "售后服务部", "漏电保护器灵敏度异常，同批次 B2611 有两起同类投诉。", "上门更换漏电保护器并全面检测，赔偿 300 元",
        "方案待定", "待客户确认", "已办结");

    private static readonly Words English = new("en", "Grace Turner", "Water heater keeps switching off", "The water heater switches itself off again and again, and nobody came after two calls. I want it repaired at home and compensated.",
        "Grade 2", "After-sales", "The residual-current device is too sensitive; two more complaints from batch B2611.", "Replace the residual-current device at home, test the heater fully and pay CNY 300",
        "Solution proposed", "Awaiting customer", "Closed");

    public static TheoryData<string> Languages() => ["zh-CN", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Complaint_GoesFromThePortal_ThroughEveryRole_BackToTheCustomer_AndIntoTheOverview(string language)
    {
        var w = language == "en" ? English : Chinese;
        var suffix = language == "en" ? "_en" : "";
        // Customer: files on the portal and keeps the private link.
        var customer = await app.OpenAsync(null, w.Locale);
        await customer.GotoAsync("/portal");
        await customer.Locator("#p-name").FillAsync(w.Customer);
        await customer.Locator("#p-phone").FillAsync("137" + Random.Shared.Next(10_000_000, 99_999_999));
        await customer.Locator("#p-subject").FillAsync(w.Subject + " " + Guid.NewGuid().ToString("N")[..6]);
        await customer.Locator("#p-description").FillAsync(w.Description);
        await customer.Locator("#p-demand").SelectOptionAsync("Repair");
        await customer.Locator("#p-answer").FillAsync(await Controls.ChallengeAnswerAsync(customer));
        await customer.GetByTestId("portal-submit").ClickAsync();
        await customer.GetByTestId("portal-filed").WaitForAsync();
        var number = (await customer.GetByTestId("portal-number").InnerTextAsync()).Trim();
        var link = customer.Url.Split('?')[0];

        // Agent: finds it by number, grades it 2 (safety), acknowledges, assigns to After-sales and 李强.
        var agent = await app.OpenAsync("agent", w.Locale);
        await agent.Locator("#global-search").FillAsync(number);
        await agent.Locator("#global-search").PressAsync("Enter");
        await agent.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        var caseUrl = agent.Url;
        await Do(agent, "Classify", async () => await Controls.ChooseAsync(agent, "f-grade", w.Grade2));
        await Do(agent, "Acknowledge");
        await Do(agent, "Assign", async () =>
        {
            await Controls.ChooseAsync(agent, "f-department", w.AfterSales);
            await Controls.ChooseAsync(agent, "f-handler", "李强");
        });
        await Assertions.Expect(agent.GetByTestId("case-assignee")).ToContainTextAsync("李强");

        // Handler: investigates and proposes a plan, which a grade 2 case sends to the executive.
        var handler = await app.OpenAsync("handler", w.Locale);
        await handler.GotoAsync(caseUrl);
        await Do(handler, "StartInvestigation");
        await Do(handler, "RecordFindings", () => handler.Locator("#f-facts").FillAsync(w.Findings));
        await Do(handler, "ProposeSolution", async () =>
        {
            await handler.Locator("#f-measures").FillAsync(w.Measures);
            await handler.Locator("#f-responsible").FillAsync("李强");
        });
        await Assertions.Expect(handler.GetByTestId("case-status")).ToContainTextAsync(w.SolutionProposed);

        // Executive: approves it in the inbox.
        var executive = await app.OpenAsync("executive", w.Locale);
        await executive.GotoAsync("/approvals");
        var card = executive.GetByTestId($"approval-{number}");
        await card.GetByTestId("approve").ClickAsync();
        await card.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(executive.GetByTestId("approval-decided")).ToContainTextAsync(number);

        // Handler: carries it out and asks the customer.
        await handler.ReloadAsync();
        await Do(handler, "Implement");
        await Do(handler, "RequestConfirmation");
        await Assertions.Expect(handler.GetByTestId("case-status")).ToContainTextAsync(w.AwaitingCustomer);

        // Customer: accepts the plan and rates the handling.
        await customer.GotoAsync(link);
        await Assertions.Expect(customer.GetByTestId("portal-plan")).ToContainTextAsync(w.Measures);
        await customer.GetByTestId("portal-accept").ClickAsync();
        foreach (var key in new[] { "Speed", "Effect", "Attitude", "Transparency", "Overall" })
            await customer.GetByTestId($"rate-{key}-5").CheckAsync();
        await customer.GetByTestId("portal-rate-submit").ClickAsync();
        await customer.GetByTestId("portal-rated").WaitForAsync();
        await Assertions.Expect(customer.GetByTestId("portal-status")).ToContainTextAsync(w.PortalClosed);

        // Lead: the overview counts it among today's new cases and leads down to it.
        var lead = await app.OpenAsync("lead", w.Locale);
        await lead.GotoAsync("/overview");
        await lead.GetByTestId("tile-NewToday").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("case-table")).ToContainTextAsync(number);

        using var api = await app.ApiAsync("lead");
        var found = await api.GetFromJsonAsync<JsonElement>($"cases?q={number}", Json, Ct);
        var id = found.GetProperty("items")[0].GetProperty("id").GetInt64();
        var closed = await api.GetFromJsonAsync<JsonElement>($"cases/{id}", Json, Ct);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(2, closed.GetProperty("grade").GetInt32());
        Assert.Equal(5, closed.GetProperty("confirmation").GetProperty("ratings").GetProperty("overall").GetInt32());
        Assert.NotNull(closed.GetProperty("review").GetProperty("dueAt").GetString());   // grade 2: follow-up review scheduled

        await BrowserApp.ScreenshotAsync(agent, "FullLoop_1_Agent" + suffix);
        await BrowserApp.ScreenshotAsync(handler, "FullLoop_2_Handler" + suffix);
        await BrowserApp.ScreenshotAsync(executive, "FullLoop_3_Executive" + suffix);
        await BrowserApp.ScreenshotAsync(customer, "FullLoop_4_Customer" + suffix);
        await BrowserApp.ScreenshotAsync(lead, nameof(Complaint_GoesFromThePortal_ThroughEveryRole_BackToTheCustomer_AndIntoTheOverview) + suffix);
    }

    /// <summary>Opens the action's form on the case page, fills it, submits it and waits until the form has closed.</summary>
    private static async Task Do(IPage page, string action, Func<Task>? fill = null)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        if (fill is not null) await fill();
        await page.GetByTestId("action-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-form")).ToHaveCountAsync(0);
    }
}
