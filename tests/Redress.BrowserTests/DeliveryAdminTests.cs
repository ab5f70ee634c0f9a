using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>Webhook subscriptions and failed messages in the administration pages (issue 4).</summary>
public sealed partial class DeliveryAdminTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Admin_CreatesAWebhook_SeesItsSecretOnce_SendsATestCall_AndSeesItFail()
    {
        var admin = await app.OpenAsync("admin", "en");
        using var api = await app.ApiAsync("admin");
        await admin.GotoAsync("/admin/webhooks");
        await admin.Locator("#f-hook-name").FillAsync("SMS gateway");
        // Nothing listens on the discard port: every call fails at once, and is retried.
        await admin.Locator("#f-hook-url").FillAsync("http://127.0.0.1:9/hook");
        await admin.GetByTestId("webhook-form").Locator("label", new() { HasText = "A time limit is breached" }).ClickAsync();
        await admin.GetByTestId("save-webhook").ClickAsync();

        var secret = await admin.GetByTestId("secret-value").InnerTextAsync();
        Assert.Matches(Hex64(), secret);
        var hook = (await api.GetFromJsonAsync<List<Hook>>("admin/webhooks", Json, TestContext.Current.CancellationToken))!.Single(h => h.Name == "SMS gateway");
        Assert.Equal((secret[^4..], new List<string> { "SlaBreached" }), (hook.SecretHint, hook.Events), new HookComparer());
        var row = admin.GetByTestId($"webhook-{hook.Id}");
        await Assertions.Expect(row).ToContainTextAsync("…" + secret[^4..]);
        await Assertions.Expect(row).ToContainTextAsync("A time limit is breached");

        await admin.GetByTestId($"rotate-webhook-{hook.Id}").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("secret-value")).Not.ToHaveTextAsync(secret);
        var rotated = await admin.GetByTestId("secret-value").InnerTextAsync();
        await Assertions.Expect(row).ToContainTextAsync("…" + rotated[^4..]);

        await admin.GetByTestId($"test-webhook-{hook.Id}").ClickAsync();
        var delivery = admin.GetByTestId("deliveries").Locator("tbody tr").First;
        await Assertions.Expect(delivery).ToContainTextAsync("Test call");
        // The dispatcher's pass (every 5 s) tries it: the gateway cannot be reached, so it is retried later.
        var state = delivery.GetByTestId("message-state");
        for (var i = 0; i < 20 && await state.InnerTextAsync() != "Retrying"; i++)
        {
            await Task.Delay(1_000, TestContext.Current.CancellationToken);
            await admin.GetByTestId("refresh-deliveries").ClickAsync();
        }
        await Assertions.Expect(state).ToHaveTextAsync("Retrying");
        await Assertions.Expect(delivery).ToContainTextAsync("Cannot reach http://127.0.0.1:9/hook");
        await BrowserApp.ScreenshotAsync(admin, "WebhooksPage.en");

        await admin.GetByTestId($"toggle-webhook-{hook.Id}").ClickAsync();
        await Assertions.Expect(row.GetByTestId("webhook-active")).ToHaveTextAsync("No");
        await admin.GotoAsync("/admin/outbox");
        await Controls.ChooseAsync(admin, "f-state", "Failing, still retried");
        await Assertions.Expect(admin.GetByTestId("failed-messages")).ToContainTextAsync("Cannot reach http://127.0.0.1:9/hook");
        await BrowserApp.ScreenshotAsync(admin, "FailedMessagesPage.en");
    }

    private sealed record Hook(int Id, string Name, List<string> Events, bool Active, string SecretHint);

    private sealed class HookComparer : IEqualityComparer<(string, List<string>)>
    {
        public bool Equals((string, List<string>) x, (string, List<string>) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((string, List<string>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex64();
}
