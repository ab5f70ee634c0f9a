using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>
/// Issue 3.9: the main pages fit a tablet's screen (no sideways scrolling) and still work there, and axe-core
/// finds nothing serious or critical on them in either language (labels, contrast, names, landmarks).
/// </summary>
public sealed class LayoutAndAccessibilityTests(BrowserApp app)
{
    public static TheoryData<int, int, string> Screens() => new()
    {
        { 768, 1024, "en" }, { 1024, 768, "en" }, { 768, 1024, "zh-CN" }, { 1024, 768, "zh-CN" },
        // Laptops: the English queue's columns once pushed the page 5 px wider than the window.
        { 1280, 800, "en" }, { 1366, 768, "en" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task TheQueue_TheCase_TheIntake_AndThePortal_FitTheScreen_AndWork(int width, int height, string language)
    {
        var kase = await app.RegisterCaseAsync("Tablet check " + Guid.NewGuid().ToString("N")[..6]);
        var agent = await app.OpenAsync("agent", language, width, height);

        await agent.GotoAsync("/?queue=all");
        await agent.GetByTestId("case-table").WaitForAsync();
        await AssertFitsAsync(agent, "queue");
        await agent.GetByTestId("case-table").Locator("a").First.ClickAsync();
        await agent.GetByTestId("case-number").WaitForAsync();

        await agent.GotoAsync($"/cases/{kase.Id}");
        await agent.GetByTestId("action-Acknowledge").ClickAsync();
        await AssertInViewAsync(agent, agent.GetByTestId("action-submit"), "the action's submit button");
        await AssertFitsAsync(agent, "case page with an action form");
        await agent.GetByTestId("action-submit").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("action-form")).ToHaveCountAsync(0);

        await agent.GotoAsync("/cases/new");
        await agent.GetByTestId("intake-form").WaitForAsync();
        await AssertFitsAsync(agent, "intake");
        await AssertInViewAsync(agent, agent.GetByTestId("intake-submit"), "the intake's save button", scroll: true);

        var customer = await app.OpenAsync(null, language, width, height);
        await customer.GotoAsync("/portal");
        await AssertFitsAsync(customer, "portal form");
        await AssertInViewAsync(customer, customer.GetByTestId("portal-submit"), "the portal's submit button", scroll: true);
        await customer.GotoAsync("/portal/c/" + await app.FileOnPortalAsync("Tablet portal check"));
        await customer.GetByTestId("portal-timeline").WaitForAsync();
        await AssertFitsAsync(customer, "portal case page");

        await BrowserApp.ScreenshotAsync(agent, $"Tablet_{width}x{height}_{language}_Intake");
        await BrowserApp.ScreenshotAsync(customer, $"Tablet_{width}x{height}_{language}_PortalCase");
    }

    public static TheoryData<string, string, string> Pages()
    {
        var pages = new TheoryData<string, string, string>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            foreach (var (page, user) in new[]
            {
                ("/login", ""), ("/", "lead"), ("case", "handler"), ("/cases/new", "agent"), ("/approvals", "executive"), ("/overview", "lead"),
                ("/admin/users", "admin"), ("/overview", "agent"), ("/portal", ""), ("/portal/track", ""), ("portal-case", ""),
            })
            {
                pages.Add(page, user, language);
            }
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AxeFindsNothingSeriousOrCritical_AndFocusIsVisible(string path, string user, string language)
    {
        var page = await app.OpenAsync(user.Length == 0 ? null : user, language);
        var url = path switch
        {
            "case" => $"/cases/{(await app.RegisterCaseAsync("Axe check " + Guid.NewGuid().ToString("N")[..6])).Id}",
            "portal-case" => "/portal/c/" + await app.FileOnPortalAsync("Axe portal check"),
            _ => path,
        };
        await page.GotoAsync(url);
        await page.Locator("h1").First.WaitForAsync();
        // Interactive pages fill in after the circuit starts; axe should see the page a person sees.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-indeterminate')");

        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target + " " + n.Html))}");
        Assert.True(!bad.Any(), $"{url} in {language}:\n" + string.Join("\n", bad));

        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.StartsWith("solid", outline, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, $"Axe_{Name(path, user)}_{language}");
    }

    private static string Name(string path, string user) =>
        (path.Trim('/').Replace('/', '_') is { Length: > 0 } p ? p : "home") + (user.Length > 0 ? "_" + user : "");

    /// <summary>No sideways scrolling; when there is, the message names the elements that stick out.</summary>
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<string>("""
            () => {
              const w = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= w) return '';
              const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));
              return 'page ' + document.documentElement.scrollWidth + ' px wide in ' + w + ': ' + wide.join('; ');
            }
            """);
        Assert.True(overflow.Length == 0, $"The {what} scrolls sideways at {page.ViewportSize?.Width} px: {overflow}");
    }

    /// <summary>The control can be seen whole without sideways scrolling (after scrolling down to it when asked).</summary>
    private static async Task AssertInViewAsync(IPage page, ILocator control, string what, bool scroll = false)
    {
        if (scroll) await control.ScrollIntoViewIfNeededAsync();
        var box = await control.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} is not shown.");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what} is outside the screen: x {box.X:F0}, width {box.Width:F0}, screen {width}.");
    }
}
