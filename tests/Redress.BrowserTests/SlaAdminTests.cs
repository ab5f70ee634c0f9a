using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>SLA profiles and business calendars in the administration pages (issue 4, parts 1-3).</summary>
public sealed class SlaAdminTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Admin_EditsATargetOfAProfile_AndAddsHolidaysToACalendar()
    {
        // The US profile and 2030 are used by no other test: the server is shared.
        var admin = await app.OpenAsync("admin");
        using var api = await app.ApiAsync("admin");
        await admin.GotoAsync("/admin/sla");
        await admin.GetByTestId("edit-us-cfpb").ClickAsync();
        await admin.Locator("#amount-general-InitialPlan").FillAsync("20");
        // The numeric field takes its value when it loses focus. (No full-page screenshot while editing: it resizes
        // the page, and a click during the re-layout that follows was lost in about one run of three.)
        await admin.Locator("#amount-general-InitialPlan").PressAsync("Tab");

        // Meanwhile another administrator changes the profile: what the page holds is stale, and it says so.
        await ChangeWarnAtAsync(api, 70);
        await admin.GetByTestId("save-us-cfpb").ClickAsync();
        await admin.GetByTestId("stale-warning").WaitForAsync();
        await admin.GetByTestId("reload").ClickAsync();
        await Assertions.Expect(admin.Locator("#f-warn")).ToHaveValueAsync("70");
        await admin.Locator("#amount-general-InitialPlan").FillAsync("20");
        await admin.Locator("#amount-general-InitialPlan").PressAsync("Tab");
        await admin.GetByTestId("save-us-cfpb").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("target-us-cfpb-general-InitialPlan")).ToContainTextAsync("20");
        await Assertions.Expect(admin.GetByTestId("active-internal")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "SlaProfilesPage");

        var profile = await api.GetFromJsonAsync<Profile>("sla/profiles/us-cfpb", Json, TestContext.Current.CancellationToken);
        Assert.Equal(20, profile!.Policies.Single(p => p.Key == "general").Targets.Single(t => t.Target == "InitialPlan").Limit.Amount);

        await admin.GotoAsync("/admin/calendars");
        await Controls.ChooseAsync(admin, "f-calendar", "US");
        await Assertions.Expect(admin.GetByTestId("time-zone")).ToContainTextAsync("America/New_York");
        await admin.Locator("#f-day-date").FillAsync("2030-12-24");
        await admin.Locator("#f-day-name").FillAsync("Christmas Eve");
        await admin.GetByTestId("add-day").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("day-2030-12-24")).ToContainTextAsync("Christmas Eve");

        await admin.Locator("#f-bulk").FillAsync("2030-12-26 holiday Day after Christmas\n2030-12-28 workday 调休上班");
        await admin.GetByTestId("add-days").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("day-2030-12-28")).ToContainTextAsync("调休上班");
        var calendar = await api.GetFromJsonAsync<Calendar>("sla/calendars/US", Json, TestContext.Current.CancellationToken);
        Assert.Equal(["2030-12-24", "2030-12-26", "2030-12-28"], calendar!.Days.Where(d => d.Date.StartsWith("2030", StringComparison.Ordinal)).Select(d => d.Date));
        await BrowserApp.ScreenshotAsync(admin, nameof(Admin_EditsATargetOfAProfile_AndAddsHolidaysToACalendar));

        var english = await app.OpenAsync("admin", "en");
        await english.GotoAsync("/admin/sla");
        await Assertions.Expect(english.GetByTestId("target-us-cfpb-general-InitialPlan")).ToHaveTextAsync("Initial plan: 20 calendar days");
        await BrowserApp.ScreenshotAsync(english, "SlaProfilesPage.en");
    }

    [Fact]
    public async Task Admin_AddsAPolicyForPhoneCases_ChoosesWhatItMatches_AndMovesItToTheTop()
    {
        // The China banking profile is edited by no other browser test.
        var admin = await app.OpenAsync("admin", "en");
        using var api = await app.ApiAsync("admin");
        await admin.GotoAsync("/admin/sla");
        await admin.GetByTestId("edit-cn-banking").ClickAsync();
        await admin.GetByTestId("add-policy").ClickAsync();
        var policy = admin.GetByTestId("policy-new-1");
        await policy.WaitForAsync();
        await admin.Locator("#key-new-1").FillAsync("phone");
        await admin.Locator("#namezh-new-1").FillAsync("电话投诉");
        await admin.Locator("#nameen-new-1").FillAsync("Phone complaint");
        // A new policy starts with grade 1 ticked: this one is for every phone case instead.
        await policy.GetByTestId("grades-new-1").Locator("label", new() { HasText = "Grade 1" }).ClickAsync();
        await policy.GetByTestId("channels-new-1").Locator("label", new() { HasText = "Phone" }).ClickAsync();
        await admin.Locator("#amount-new-1-Resolution").FillAsync("2");
        await admin.Locator("#amount-new-1-Resolution").PressAsync("Tab");
        await admin.GetByTestId("move-up-new-1").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("move-up-new-1")).ToBeDisabledAsync();
        await BrowserApp.ScreenshotAsync(admin, "SlaPolicyEditor.en");

        await admin.GetByTestId("save-cn-banking").ClickAsync();
        var row = admin.GetByTestId("policy-row-cn-banking-phone");
        await Assertions.Expect(row).ToContainTextAsync("Phone");
        await Assertions.Expect(admin.GetByTestId("target-cn-banking-phone-Resolution")).ToHaveTextAsync("Resolution: 2 working days");

        var profile = await api.GetFromJsonAsync<Profile>("sla/profiles/cn-banking", Json, TestContext.Current.CancellationToken);
        Assert.Equal(["phone", "major", "general"], profile!.Policies.Select(p => p.Key));
        Assert.Equal((new List<int>(), new List<string> { "Phone" }), (profile.Policies[0].Match.Grades, profile.Policies[0].Match.Channels), new MatchComparer());
    }

    /// <summary>A profile reads in the shape its rules are written: GET it, change a field, PUT it back.</summary>
    private static async Task ChangeWarnAtAsync(HttpClient api, int percent)
    {
        var read = await api.GetAsync("sla/profiles/us-cfpb", TestContext.Current.CancellationToken);
        var body = (await read.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken))!;
        body["warnAtPercent"] = percent;
        using var put = new HttpRequestMessage(HttpMethod.Put, "sla/profiles/us-cfpb/rules") { Content = JsonContent.Create(body) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        (await api.SendAsync(put, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    private sealed record Profile(List<Policy> Policies);

    private sealed record Policy(string Key, Match Match, List<TargetLimit> Targets);

    private sealed record Match(List<int> Grades, List<string> Channels);

    private sealed class MatchComparer : IEqualityComparer<(List<int>, List<string>)>
    {
        public bool Equals((List<int>, List<string>) x, (List<int>, List<string>) y) => x.Item1.SequenceEqual(y.Item1) && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((List<int>, List<string>) obj) => obj.Item1.Count;
    }

    private sealed record TargetLimit(string Target, Limit Limit);

    private sealed record Limit(int Amount, string Unit);

    private sealed record Calendar(List<Day> Days);

    private sealed record Day(string Date, string Kind, string Name);
}
