using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>The customer portal (issue 3.8): file, follow, answer, accept and rate, without an account.</summary>
public sealed class PortalTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Customer_FilesAComplaint_FollowsIt_AcceptsTheSolution_AndRatesIt()
    {
        var page = await app.OpenAsync(null);
        await page.GotoAsync("/portal");
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        await page.Locator("#p-name").FillAsync("陈静");
        await page.Locator("#p-phone").FillAsync(phone);
        await page.Locator("#p-subject").FillAsync("微波炉加热不均匀");
        await page.Locator("#p-description").FillAsync("收到的微波炉加热不均匀，转盘不转，已停止使用。");
        await page.Locator("#p-demand").SelectOptionAsync("Exchange");
        await page.Locator("#p-files").SetInputFilesAsync(new FilePayload { Name = "receipt.txt", MimeType = "text/plain", Buffer = "订单 SO123 发票"u8.ToArray() });
        await page.Locator("#p-answer").FillAsync(await Controls.ChallengeAnswerAsync(page));
        await page.GetByTestId("portal-submit").ClickAsync();

        await page.GetByTestId("portal-filed").WaitForAsync();
        var number = (await page.GetByTestId("portal-number").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{8}-WEB-\d{4}$", number);
        var link = page.Url.Split('?')[0];

        // The service desk sees it as a web case with the customer's file, and handles it to the customer's answer.
        using var agent = await app.ApiAsync("agent");
        var found = await agent.GetFromJsonAsync<Page>($"cases?q={number}", Json, TestContext.Current.CancellationToken);
        var id = Assert.Single(found!.Items).Id;
        var files = await agent.GetFromJsonAsync<List<FileRow>>($"cases/{id}/attachments", Json, TestContext.Current.CancellationToken);
        Assert.Equal("receipt.txt", Assert.Single(files!).FileName);
        await HandleToConfirmationAsync(id);

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("portal-status")).ToContainTextAsync("等待您确认");
        await Assertions.Expect(page.GetByTestId("portal-plan")).ToContainTextAsync("更换新机");
        Assert.DoesNotContain("Internal note", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByTestId("portal-accept").ClickAsync();
        await page.GetByTestId("portal-rate").WaitForAsync();
        foreach (var (key, score) in new[] { ("Speed", 4), ("Effect", 5), ("Attitude", 5), ("Transparency", 4), ("Overall", 5) })
            await page.GetByTestId($"rate-{key}-{score}").CheckAsync();
        await page.GetByTestId("portal-rate-submit").ClickAsync();
        await page.GetByTestId("portal-rated").WaitForAsync();

        var closed = await agent.GetFromJsonAsync<JsonElement>($"cases/{id}", Json, TestContext.Current.CancellationToken);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var ratings = closed.GetProperty("confirmation").GetProperty("ratings");
        Assert.Equal((4, 5, 5), (ratings.GetProperty("speed").GetInt32(), ratings.GetProperty("effect").GetInt32(), ratings.GetProperty("overall").GetInt32()));
        await BrowserApp.ScreenshotAsync(page, nameof(Customer_FilesAComplaint_FollowsIt_AcceptsTheSolution_AndRatesIt));
    }

    [Fact]
    public async Task LookUpByNumber_NeedsTheContactUsedWhenFiling()
    {
        using var agent = await app.ApiAsync("agent");
        var response = await agent.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject = "Refund not received", description = "Still waiting for the refund.", demand = "Refund",
            customer = new { name = "Laura Brown", email = "laura.brown@example.com" },
        }, TestContext.Current.CancellationToken);
        var kase = (await response.Content.ReadFromJsonAsync<Row>(Json, TestContext.Current.CancellationToken))!;

        var page = await app.OpenAsync(null, "en");
        await page.GotoAsync("/portal/track");
        await page.Locator("#t-number").FillAsync(kase.Number);
        await page.Locator("#t-contact").FillAsync("someone.else@example.com");
        await page.GetByTestId("track-submit").ClickAsync();
        await page.GetByTestId("portal-not-found").WaitForAsync();

        await page.Locator("#t-number").FillAsync(kase.Number);
        await page.Locator("#t-contact").FillAsync("Laura.Brown@Example.com");
        await page.GetByTestId("track-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-number")).ToHaveTextAsync(kase.Number);
        await Assertions.Expect(page.GetByTestId("portal-status")).ToHaveTextAsync("Received");

        // The customer writes to us; staff see it in the case's communications.
        await page.Locator("#a-text").FillAsync("The bank says nothing arrived yet.");
        await page.GetByTestId("portal-answer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-timeline")).ToContainTextAsync("The bank says nothing arrived yet.");
        var messages = await agent.GetFromJsonAsync<List<JsonElement>>($"cases/{kase.Id}/communications", Json, TestContext.Current.CancellationToken);
        Assert.Contains(messages!, m => m.GetProperty("method").GetString() == "Portal" && m.GetProperty("direction").GetString() == "Inbound");
        await BrowserApp.ScreenshotAsync(page, nameof(LookUpByNumber_NeedsTheContactUsedWhenFiling));
    }

    [Fact]
    public async Task WrongChallengeAnswer_FilesNothing_AndSaysWhy()
    {
        var page = await app.OpenAsync(null);
        await page.GotoAsync("/portal");
        await page.Locator("#p-name").FillAsync("机器人");
        await page.Locator("#p-phone").FillAsync("13500000000");
        await page.Locator("#p-subject").FillAsync("spam " + Guid.NewGuid().ToString("N")[..8]);
        await page.Locator("#p-description").FillAsync("spam");
        await page.Locator("#p-demand").SelectOptionAsync("Refund");
        await page.Locator("#p-answer").FillAsync("1000");
        await page.GetByTestId("portal-submit").ClickAsync();

        await page.GetByTestId("error-Answer").WaitForAsync();
        Assert.Equal("spam", await page.Locator("#p-description").InputValueAsync());
        await BrowserApp.ScreenshotAsync(page, nameof(WrongChallengeAnswer_FilesNothing_AndSaysWhy));
    }

    private async Task HandleToConfirmationAsync(long id)
    {
        using var agent = await app.ApiAsync("agent");
        using var handler = await app.ApiAsync("handler");
        var departments = await agent.GetFromJsonAsync<List<Department>>("departments", Json, TestContext.Current.CancellationToken);
        var users = await agent.GetFromJsonAsync<List<User>>("users", Json, TestContext.Current.CancellationToken);
        await Step(agent, id, "acknowledge", new { });
        await Step(agent, id, "assign", new { departmentId = departments!.Single(d => d.Code == "AFTERSALES").Id, handlerId = users!.Single(u => u.UserName == "handler").Id });
        await Step(handler, id, "notes", new { text = "Internal note: check the batch." });
        await Step(handler, id, "start-investigation", new { });
        await Step(handler, id, "findings", new { facts = "Magnetron fault in batch B2611." });
        await Step(handler, id, "propose-solution", new { measures = "更换新机并上门取回旧机", responsiblePerson = "李强" });
        await Step(handler, id, "implement", new { });
        await Step(handler, id, "request-confirmation", new { });
    }

    private static async Task Step(HttpClient api, long id, string action, object body)
    {
        var current = await api.GetAsync($"cases/{id}", TestContext.Current.CancellationToken);
        current.EnsureSuccessStatusCode();
        var request = new HttpRequestMessage(HttpMethod.Post, $"cases/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    private sealed record Page(List<Row> Items);

    private sealed record Row(long Id, string Number);

    private sealed record FileRow(string FileName);

    private sealed record Department(int Id, string Code);

    private sealed record User(string Id, string UserName);
}
