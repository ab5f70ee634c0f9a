using System.Text.RegularExpressions;

namespace Redress.Domain.Cases;

/// <summary>
/// R-WF-5: polite phrasing for a contact with the customer (seed 004 §2(一)), in one language, with
/// placeholders the case page fills in: {customer}, {number}, {subject}, {agent}.
/// </summary>
public sealed partial class ReplyTemplate
{
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];
    public static readonly IReadOnlyList<string> Placeholders = ["customer", "number", "subject", "agent"];

    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>zh-CN or en: agents are offered the templates in their own language.</summary>
    public string Language { get; set; } = "zh-CN";
    public string Text { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// A placeholder the page would not fill ({custmer}) is refused when the template is saved, not discovered
    /// by a customer reading braces in a message.
    /// </summary>
    public static Error? CheckText(string text)
    {
        var unknown = Placeholder().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(p => !Placeholders.Contains(p));
        return unknown is null ? null
            : Error.Invalid("unknown_placeholder", $"{{{unknown}}} is not a placeholder; use {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))}.", "text");
    }

    /// <summary>The text with each placeholder replaced by its value; a placeholder without a value becomes empty.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : m.Value);

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
