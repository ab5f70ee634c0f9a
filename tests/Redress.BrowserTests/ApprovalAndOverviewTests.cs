using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>The executive's approvals inbox (R-WF-4) and the overview with its drill-down (R-AN-1, R-AN-2).</summary>
public sealed class ApprovalAndOverviewTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Whys = ["冷气外泄", "封条变形", "材料老化快", "批次材料不合格", "来料检验漏检"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Executive_ApprovesAGrade2Plan_InTheInbox_AndTheCaseLeavesIt()
    {
        var kase = await ProposedGrade2PlanAsync("冰箱门封条老化漏冷 " + Guid.NewGuid().ToString("N")[..6]);
        var page = await app.OpenAsync("executive");

        await page.GetByRole(AriaRole.Link, new() { Name = "方案审批" }).ClickAsync();
        var card = page.GetByTestId($"approval-{kase.Number}");
        await Assertions.Expect(card).ToContainTextAsync("上门更换门封条");
        await Assertions.Expect(card).ToContainTextAsync("800.00 CNY");
        await Assertions.Expect(card).ToContainTextAsync("售后服务部");
        await Assertions.Expect(card).ToContainTextAsync("二级");
        await card.GetByTestId("approve").ClickAsync();
        await page.Locator($"#approval-comment-{kase.Id}").FillAsync("同意，三日内完成。");
        await card.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("approval-decided")).ToContainTextAsync(kase.Number);
        await Assertions.Expect(card).ToHaveCountAsync(0);
        using var api = await app.ApiAsync("executive");
        var after = await api.GetFromJsonAsync<CaseState>($"cases/{kase.Id}", Json, Ct);
        Assert.Equal("Approved", after!.Status);
        await BrowserApp.ScreenshotAsync(page, nameof(Executive_ApprovesAGrade2Plan_InTheInbox_AndTheCaseLeavesIt));
    }

    [Fact]
    public async Task Executive_RejectsAPlan_OnlyWithAReason_AndItGoesBackToInvestigation()
    {
        var kase = await ProposedGrade2PlanAsync("洗碗机漏水 " + Guid.NewGuid().ToString("N")[..6]);
        var page = await app.OpenAsync("executive");
        await page.GotoAsync("/approvals");
        var card = page.GetByTestId($"approval-{kase.Number}");

        await card.GetByTestId("reject").ClickAsync();
        await card.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("必填");
        await page.Locator($"#approval-reason-{kase.Id}").FillAsync("补偿金额过高，请与客户重新协商。");
        await card.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(card).ToHaveCountAsync(0);
        using var api = await app.ApiAsync("executive");
        Assert.Equal("Investigating", (await api.GetFromJsonAsync<CaseState>($"cases/{kase.Id}", Json, Ct))!.Status);
        await BrowserApp.ScreenshotAsync(page, nameof(Executive_RejectsAPlan_OnlyWithAReason_AndItGoesBackToInvestigation));
    }

    [Fact]
    public async Task Executive_DecidingAPlanDecidedMeanwhile_IsToldItIsStale_AndNothingIsOverwritten()
    {
        var kase = await ProposedGrade2PlanAsync("电视机屏幕出现亮线 " + Guid.NewGuid().ToString("N")[..6]);
        var page = await app.OpenAsync("executive");
        await page.GotoAsync("/approvals");
        var card = page.GetByTestId($"approval-{kase.Number}");
        await card.GetByTestId("reject").ClickAsync();
        await page.Locator($"#approval-reason-{kase.Id}").FillAsync("请补充检测报告。");

        // Meanwhile the plan is approved in another session, through the API.
        using var api = await app.ApiAsync("executive");
        await ActAsync(api, kase.Id, "approve", new { note = "同意。" });
        await card.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(card.GetByTestId("stale-warning")).ToBeVisibleAsync();
        Assert.Equal("Approved", (await api.GetFromJsonAsync<CaseState>($"cases/{kase.Id}", Json, Ct))!.Status);
        await card.GetByTestId("reload").ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, nameof(Executive_DecidingAPlanDecidedMeanwhile_IsToldItIsStale_AndNothingIsOverwritten));
    }

    [Fact]
    public async Task Lead_OpensTheOverview_AndClicksATileDownToItsCases()
    {
        var subject = "空调外机噪音 " + Guid.NewGuid().ToString("N")[..6];
        var registered = await RegisterAsync(subject, grade: 3);
        using var leadApi = await app.ApiAsync("lead");
        var before = (await leadApi.GetFromJsonAsync<OverviewFigures>("analytics/overview", Json, Ct))!;
        var page = await app.OpenAsync("lead");

        await page.GetByRole(AriaRole.Link, new() { Name = "概览" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("overview-scope")).ToContainTextAsync("本部门");
        await Assertions.Expect(page.GetByTestId("tile-Open-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+$"));
        var (open, newToday) = (await TileAsync(page, "Open"), await TileAsync(page, "NewToday"));
        await page.GetByTestId("chart-backlog").GetByRole(AriaRole.Link, new() { Name = "售后服务部" }).WaitForAsync();
        // Other journeys register and move cases on the same server meanwhile: the page's figures lie between the
        // API's before and after it.
        var after = (await leadApi.GetFromJsonAsync<OverviewFigures>("analytics/overview", Json, Ct))!;
        Assert.InRange(open, Math.Min(before.Open, after.Open), Math.Max(before.Open, after.Open));
        Assert.InRange(newToday, before.NewToday, after.NewToday);

        await page.GetByTestId("tile-NewToday").ClickAsync();
        await page.GetByTestId("link-filter-from").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("case-table")).ToContainTextAsync(registered.Number);
        Assert.Contains("from=", page.Url, StringComparison.Ordinal);
        var rows = await page.Locator("[data-testid=case-table] tbody tr").CountAsync();
        var later = (await leadApi.GetFromJsonAsync<OverviewFigures>("analytics/overview", Json, Ct))!;
        Assert.InRange(rows, newToday, later.NewToday);

        // A chart's bar opens its cases too: the backlog's first bar is the lead's own department. Each bar is a
        // stroked vertical path, which Playwright never deems visible, so the click is dispatched to it.
        await page.GoBackAsync();
        await page.GetByTestId("chart-backlog").Locator("svg path.mud-chart-bar").First.DispatchEventAsync("click");
        await page.GetByTestId("link-filter-department").WaitForAsync();
        Assert.Contains("open=true", page.Url, StringComparison.Ordinal);
        var leads = await page.Locator("[data-testid=case-table] tbody tr td:nth-child(6)").AllInnerTextsAsync();
        Assert.NotEmpty(leads);
        Assert.All(leads, lead => Assert.Equal("售后服务部", lead));
        await BrowserApp.ScreenshotAsync(page, nameof(Lead_OpensTheOverview_AndClicksATileDownToItsCases));
    }

    /// <summary>A grade 2 After-sales case brought to SolutionProposed through the API, each step by its role.</summary>
    private async Task<Registered> ProposedGrade2PlanAsync(string subject)
    {
        var kase = await RegisterAsync(subject, grade: 2);
        using var agent = await app.ApiAsync("agent");
        using var handler = await app.ApiAsync("handler");
        var users = await agent.GetFromJsonAsync<List<UserRow>>("users", Json, Ct);
        var departments = await agent.GetFromJsonAsync<List<DepartmentRow>>("departments", Json, Ct);
        var afterSales = departments!.Single(d => d.Code == "AFTERSALES").Id;
        await ActAsync(agent, kase.Id, "acknowledge", new { });
        await ActAsync(agent, kase.Id, "assign", new { departmentId = afterSales, handlerId = users!.Single(u => u.UserName == "handler").Id });
        await ActAsync(handler, kase.Id, "start-investigation", new { });
        await ActAsync(handler, kase.Id, "findings", new
        {
            facts = "门封条老化变形，冷气外泄。", rootCauseMethod = "FiveWhys", rootCause = "封条批次材料缺陷",
            whys = Whys,
            responsibilities = new[] { new { departmentId = afterSales, sharePercent = 100 } },
        });
        await ActAsync(handler, kase.Id, "propose-solution", new
        {
            measures = "上门更换门封条，并补偿电费。", compensationAmount = 800, currency = "CNY", responsiblePerson = "李强 Li Qiang",
        });
        return kase;
    }

    /// <summary>A lifecycle action on the version just read, as every API client must (If-Match).</summary>
    private static async Task ActAsync(HttpClient api, long id, string action, object body)
    {
        using var read = await api.GetAsync($"cases/{id}", Ct);
        read.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"cases/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        using var response = await api.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task<Registered> RegisterAsync(string subject, int grade)
    {
        using var api = await app.ApiAsync("agent");
        var departments = await api.GetFromJsonAsync<List<DepartmentRow>>("departments", Json, Ct);
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description = "客户反映空调外机运行时噪音很大，影响休息。", demand = "Repair", grade,
            customer = new { name = "孙丽", phone = "13911112222" },
            leadDepartmentId = departments!.Single(d => d.Code == "AFTERSALES").Id,
        }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json, Ct))!;
    }

    private sealed record Registered(long Id, string Number, int Version);

    private sealed record DepartmentRow(int Id, string Code);

    private sealed record UserRow(string Id, string UserName);

    private sealed record CaseState(long Id, string Status);

    private sealed record OverviewFigures(int NewToday, int Open, int Overdue);

    private static async Task<int> TileAsync(IPage page, string tile) =>
        int.Parse(await page.GetByTestId($"tile-{tile}-value").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("zh-CN"));
}
