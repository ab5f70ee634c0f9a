using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>Duplicates on the case page (issue 5 part 5): the agent sees the link and merges the duplicate into the first case.</summary>
public sealed class RepeatsTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Agent_SeesTheDuplicateLink_AndMergesIt_AndTheMergedCaseLeadsToTheSurvivor()
    {
        var phone = "158" + Random.Shared.Next(10_000_000, 99_999_999);
        var subject = "重复扣款 " + Guid.NewGuid().ToString("N")[..6];
        var first = await RegisterAsync("Phone", subject, phone);
        var second = await RegisterAsync("Web", subject, phone);
        var page = await app.OpenAsync("agent");
        await page.GotoAsync($"/cases/{second.Id}");

        var links = page.GetByTestId("case-links");
        await Assertions.Expect(links.GetByTestId("case-link")).ToContainTextAsync("疑似重复件");
        await Assertions.Expect(links.GetByTestId("case-link-number")).ToHaveTextAsync(first.Number);
        await BrowserApp.ScreenshotAsync(page, "DuplicateSuggested");

        await links.GetByTestId("merge-duplicate").ClickAsync();

        await page.WaitForURLAsync($"**/cases/{first.Id}");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("重复件已并入本案件");
        await Assertions.Expect(page.GetByTestId("timeline-from-case").First).ToContainTextAsync(second.Number);
        await Assertions.Expect(page.GetByTestId("case-links").GetByTestId("case-link-number")).ToHaveTextAsync(second.Number);
        await page.GotoAsync($"/cases/{second.Id}");
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("已合并");
        await Assertions.Expect(page.GetByTestId("merged-into-link")).ToHaveTextAsync(first.Number);
        await BrowserApp.ScreenshotAsync(page, nameof(Agent_SeesTheDuplicateLink_AndMergesIt_AndTheMergedCaseLeadsToTheSurvivor));
    }

    private async Task<Registered> RegisterAsync(string channel, string subject, string phone)
    {
        using var api = await app.ApiAsync("agent");
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel, subject, description = "同一笔订单被扣款两次，请退回一笔。", demand = "Refund",
            customer = new { name = "周一鸣", phone },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Registered>(Json))!;
    }

    private sealed record Registered(long Id, string Number);
}
