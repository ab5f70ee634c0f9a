using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>The learned models' administration page (issue 5 part 3), in both languages.</summary>
public sealed class TriageModelsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Admin_SeesThatRulesAloneDecide_AndARetrainWithTooLittleDataSaysSo()
    {
        var admin = await app.OpenAsync("admin");
        await admin.GotoAsync("/admin/settings");
        await admin.Locator("nav.admin-nav a[href='/admin/triage/models']").ClickAsync();

        await Assertions.Expect(admin.GetByTestId("active-Category")).ToContainTextAsync("暂无启用的模型");
        await admin.GetByTestId("retrain").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已确认案件太少");
        await BrowserApp.ScreenshotAsync(admin, "TriageModelsPage");

        var english = await app.OpenAsync("admin", "en");
        await english.GotoAsync("/admin/triage/models");
        await Assertions.Expect(english.GetByTestId("active-Grade")).ToContainTextAsync("No active model: the rules alone decide.");
        await Assertions.Expect(english.GetByTestId("versions")).ToContainTextAsync("No model has been trained yet.");
    }
}
