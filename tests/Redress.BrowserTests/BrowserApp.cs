using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Redress.ProcessTests;

[assembly: AssemblyFixture(typeof(Redress.BrowserTests.BrowserApp))]

namespace Redress.BrowserTests;

/// <summary>
/// One real Redress server (its own process, SQLite, demo data) and one headless Chromium for the whole
/// run. Each test gets a fresh browser context, so sign-ins do not leak between tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "Redress-2026";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "redress-browser-" + Guid.NewGuid().ToString("N"));
    private RedressServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>The server's SQLite file, for the rare test that must move a stored time (the server's clock is the real one).</summary>
    public string DatabasePath => Path.Combine(_data, "redress.db");

    /// <summary>Where screenshots go: the test results folder when test.sh runs us.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("REDRESS_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("REDRESS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"No Chromium at {chromium}. Install Debian's chromium package (apt-get install chromium) or set REDRESS_TEST_CHROMIUM.");
        }
        _server = await RedressServer.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = _data,
            ["Seed:Demo"] = "true",
            ["Seed:DemoCases"] = "40",
            // The SLA scheduler runs as in production, only more often, so a test waits seconds for its pass.
            ["Sla:Scheduler:IntervalSeconds"] = "2",
            // The journeys look for their own cases in the overview at once (OverviewCacheTests covers the cache).
            ["Analytics:OverviewMaxAge"] = "00:00:00",
            // Every test's customer files from 127.0.0.1: the per-address limit would stop the sixth.
            ["Portal:FilingsPerAddressPerHour"] = "100",
            ["Portal:LookupsPerAddress"] = "100",
            // The bell tests look for their own cases' notices, not for summaries of many.
            ["Notifications:DigestAbove"] = "1000",
            // The journeys file many cases for the same few customers: repeats are linked and suggested, but applying
            // them would raise those cases' grades under tests that expect their own.
            ["Triage:Repeat:Apply"] = "false",
        }, NullOutput.Instance, TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        // Two cores run the server, Chromium and two tests at once: a page may take longer than Playwright's 5 s
        // to show what a click changed, without anything being wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A page in its own context, in the given language, signed in as <paramref name="user"/> when given; a laptop's screen unless told.</summary>
    public async Task<IPage> OpenAsync(string? user, string locale = "zh-CN", int width = 1400, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        if (user is not null) await SignInAsync(page, user);
        return page;
    }

    public static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.GetByTestId("whoami").WaitForAsync();
    }

    /// <summary>The last page of a test, saved as TestName.png for whoever reads the results.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>An API client signed in as <paramref name="user"/>: tests arrange their cases through the REST API.</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseAddress, "api/v1/") };
        var token = await http.PostAsJsonAsync("auth/token", new { userName = user, password = Password });
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<TokenAnswer>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.AccessToken);
        return http;
    }

    /// <summary>A phone case registered by the agent through the REST API, led by After-sales.</summary>
    public async Task<(long Id, string Number)> RegisterCaseAsync(string subject)
    {
        using var api = await ApiAsync("agent");
        var departments = await api.GetFromJsonAsync<List<DepartmentRow>>("departments");
        var response = await api.PostAsJsonAsync("cases", new
        {
            channel = "Phone", subject, description = "送达时机身右侧凹陷 / dented on arrival", demand = "Exchange",
            customer = new { name = "张敏", phone = "13812345678" }, leadDepartmentId = departments!.Single(d => d.Code == "AFTERSALES").Id,
        });
        response.EnsureSuccessStatusCode();
        var row = (await response.Content.ReadFromJsonAsync<CaseRow>())!;
        return (row.Id, row.Number);
    }

    /// <summary>A complaint filed through the portal's REST API, as a customer's app would; the private link's secret.</summary>
    public async Task<string> FileOnPortalAsync(string subject)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseAddress, "api/v1/portal/") };
        var challenge = (await http.GetFromJsonAsync<Challenge>("challenge"))!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Ana Lima"), "name" }, { new StringContent("139" + Random.Shared.Next(10_000_000, 99_999_999)), "phone" },
            { new StringContent(subject), "subject" }, { new StringContent("The kettle lid is cracked."), "description" },
            { new StringContent("Exchange"), "demand" }, { new StringContent((challenge.A + challenge.B).ToString(System.Globalization.CultureInfo.InvariantCulture)), "answer" },
            { new StringContent(challenge.Token), "challengeToken" },
        };
        var response = await http.PostAsync("complaints", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Filed>())!.TrackingToken;
    }

    private sealed record DepartmentRow(int Id, string Code);

    private sealed record CaseRow(long Id, string Number);

    private sealed record Challenge(int A, int B, string Token);

    private sealed record Filed(string TrackingToken);

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null)
        {
            // The server's console beside the screenshots: where a failed page's exception is told.
            await File.WriteAllTextAsync(Path.Combine(ScreenshotDirectory, "server.log"), _server.Output());
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the stopped server: the temp folder is cleaned by the OS.
        }
    }

    private sealed record TokenAnswer(string AccessToken);

    private sealed class NullOutput : ITestOutputHelper
    {
        public static readonly NullOutput Instance = new();
        public string Output => "";
        public void Write(string message) { }
        public void Write(string format, params object[] args) { }
        public void WriteLine(string message) { }
        public void WriteLine(string format, params object[] args) { }
    }
}
