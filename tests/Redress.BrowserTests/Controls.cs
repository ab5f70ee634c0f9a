using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Redress.BrowserTests;

/// <summary>How a person works the few controls that need more than a click: MudBlazor's selects, the portal's question.</summary>
internal static partial class Controls
{
    /// <summary>
    /// Opens the select with this test id, picks the option containing <paramref name="option"/> (the first when
    /// empty) and waits until the list has closed: the choice has then reached the circuit, and the list no longer
    /// covers the controls below it.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await items.First.WaitForAsync();
        await (option.Length == 0 ? items.First : items.Filter(new() { HasText = option }).First).ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(0);
    }

    /// <summary>Reads the portal's arithmetic question off the page and answers it, as a person would.</summary>
    public static async Task<string> ChallengeAnswerAsync(IPage page)
    {
        var question = await page.Locator("label[for=p-answer]").InnerTextAsync();
        var m = Sum().Match(question);
        return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+)\s*\+\s*(\d+)")]
    private static partial Regex Sum();
}
