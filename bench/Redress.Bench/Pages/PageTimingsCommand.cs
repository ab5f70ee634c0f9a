using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Redress.Bench.Pages;

/// <summary>
/// How long each page of the web UI takes to become usable (issue 3: at most 1 s with 1,000,000 cases):
/// headless Chromium opens the page and the clock stops when the element a user works with is in the page
/// (the queue's table, the case's actions, the form's first field). Two clocks: the browser's own, from the
/// navigation's start to the moment the element was inserted (a MutationObserver in the page, so it is what a reader
/// waits for), and the wall clock around Playwright's calls, which adds its messages to Chromium and its own script
/// set up in every new document. The first open of each page is reported apart from the warm ones, because it pays
/// for the server's JIT and the circuit's start; "new tab" is one more open in a new tab that already shows a page of
/// the site.
/// </summary>
internal static class PageTimingsCommand
{
    private sealed record Probe(string Name, string User, Func<IPage, Task<string>> Path, string Ready);

    public static async Task<int> RunAsync(Args args)
    {
        var url = args.Require("url").TrimEnd('/');
        var runs = args.Int("runs", 5);
        var chromium = args.Get("chromium") ?? "/usr/bin/chromium";
        var password = args.Get("password") ?? "Redress-2026";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });

        string? caseHref = null;
        Probe[] probes =
        [
            new("sign-in page", "", _ => Task.FromResult("/login"), "#username"),
            new("queues: lead's home (counts and first page)", "lead", _ => Task.FromResult("/"), "[data-testid=case-table], [data-testid=empty-queue]"),
            new("queue: overdue, by due date", "lead", _ => Task.FromResult("/?queue=overdue"), "[data-testid=case-table], [data-testid=empty-queue]"),
            new("search 破损 (agent)", "agent", _ => Task.FromResult("/?q=" + Uri.EscapeDataString("破损")), "[data-testid=case-table], [data-testid=empty-queue]"),
            new("case page", "lead", async page => caseHref ??= await FirstCaseAsync(page, url), "[data-testid=case-actions]"),
            new("phone intake form", "agent", _ => Task.FromResult("/cases/new"), "[data-testid=intake-form]"),
            new("overview", "lead", _ => Task.FromResult("/overview"), "[data-testid=overview-scope]"),
            new("approvals inbox", "executive", _ => Task.FromResult("/approvals"), "[data-testid=approvals], [data-testid=approvals-empty]"),
            new("portal: complaint form", "", _ => Task.FromResult("/portal"), "#p-name"),
        ];

        var contexts = new Dictionary<string, IBrowserContext>();
        var selectors = probes.Select(p => p.Ready).Distinct().ToArray();
        Console.WriteLine("ms from the navigation's start to the element, in the browser (and by the wall clock around Playwright)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"page",-46} {"first",13} {"warm p50",13} {"warm max",13} {"new tab",13}"));
        var lines = new List<string>();
        foreach (var probe in probes)
        {
            if (!contexts.TryGetValue(probe.User, out var context))
            {
                contexts[probe.User] = context = await SignedInAsync(browser, url, probe.User, password);
                await context.AddInitScriptAsync(ReadyObserver(selectors));
            }
            var page = await context.NewPageAsync();
            var times = new List<double>();
            var inBrowser = new List<double>();
            string? failure = null;
            for (var i = 0; i <= runs && failure is null; i++)
            {
                try
                {
                    var path = await probe.Path(page);
                    var clock = Stopwatch.StartNew();
                    await page.GotoAsync(url + path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
                    await page.Locator(probe.Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    inBrowser.Add(await ReadyAtAsync(page, probe.Ready));
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    failure = ex.Message.Split('\n')[0];
                }
            }
            await page.CloseAsync();
            // Once more in a new tab that already shows a page of the site: "first" includes Chromium starting the
            // tab, which a static page pays too; this tells that apart from what the page itself costs the first time.
            double? tab = null, tabInBrowser = null;
            if (failure is null)
            {
                var fresh = await context.NewPageAsync();
                await fresh.GotoAsync(url + "/health");
                var path = await probe.Path(fresh);
                var clock = Stopwatch.StartNew();
                await fresh.GotoAsync(url + path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
                await fresh.Locator(probe.Ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                tab = clock.Elapsed.TotalMilliseconds;
                tabInBrowser = await ReadyAtAsync(fresh, probe.Ready);
                await fresh.CloseAsync();
            }
            var line = failure is not null
                ? $"{probe.Name,-46} not measured: {failure}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{probe.Name,-46} {Both(inBrowser[0], times[0])} {Both(Median(inBrowser.Skip(1)), Median(times.Skip(1)))} {Both(inBrowser.Skip(1).Max(), times.Skip(1).Max())} {Both(tabInBrowser!.Value, tab!.Value)}");
            Console.WriteLine(line);
            lines.Add(line);
        }
        foreach (var context in contexts.Values) await context.CloseAsync();
        if (args.Get("out") is { } file) await File.WriteAllLinesAsync(file, lines);
        return 0;
    }

    private static string Both(double browser, double wall) => string.Create(CultureInfo.InvariantCulture, $"{browser,5:F0} ({wall,5:F0})");

    /// <summary>Records in each document when each selector first matches, in ms since the navigation's start.</summary>
    private static string ReadyObserver(string[] selectors) => $$"""
        (() => {
          const selectors = {{System.Text.Json.JsonSerializer.Serialize(selectors)}};
          const seen = window.__redressReady = {};
          const look = () => { for (const s of selectors) if (!(s in seen) && document.querySelector(s)) seen[s] = performance.now(); };
          new MutationObserver(look).observe(document, { childList: true, subtree: true });
        })();
        """;

    private static async Task<double> ReadyAtAsync(IPage page, string selector) =>
        await page.EvaluateAsync<double?>("s => window.__redressReady && window.__redressReady[s]", selector) ?? double.NaN;

    private static async Task<IBrowserContext> SignedInAsync(IBrowser browser, string url, string user, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1400, Height = 900 } });
        if (user.Length == 0) return context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.Locator("[data-testid=whoami]").WaitForAsync();
        await page.CloseAsync();
        return context;
    }

    private static async Task<string> FirstCaseAsync(IPage page, string url)
    {
        await page.GotoAsync(url + "/?queue=all");
        return await page.Locator("tr[data-case-href]").First.GetAttributeAsync("data-case-href") ?? throw new InvalidOperationException("no case in the list");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
