using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Redress.Domain.Cases;

namespace Redress.Features.Cases;

/// <summary>
/// A link into the queues page (/) with the filters in its query string, as <see cref="QueuesPage"/> reads
/// them: how the overview drills down to the cases behind a figure, in a URL that can be bookmarked and shared.
/// </summary>
public sealed record QueueLink(
    string Queue = "all",
    CaseStatus? Status = null,
    int? Grade = null,
    Channel? Channel = null,
    int? Category = null,
    int? Department = null,
    bool? Open = null,
    CaseFlags? Flag = null,
    DateTime? From = null,
    DateTime? To = null)
{
    public override string ToString()
    {
        var query = new Dictionary<string, string?>
        {
            ["queue"] = Queue,
            ["status"] = Status?.ToString(),
            ["grade"] = Grade?.ToString(CultureInfo.InvariantCulture),
            ["channel"] = Channel?.ToString(),
            ["category"] = Category?.ToString(CultureInfo.InvariantCulture),
            ["department"] = Department?.ToString(CultureInfo.InvariantCulture),
            ["open"] = Open is { } open ? (open ? "true" : "false") : null,
            ["flag"] = Flag?.ToString(),
            ["from"] = Instant(From),
            ["to"] = Instant(To),
        };
        return QueryHelpers.AddQueryString("/", query.Where(p => p.Value is not null));
    }

    /// <summary>An instant in the URL: UTC, to the second (the overview's bounds are midnights).</summary>
    public static string? Instant(DateTime? utc) =>
        utc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : null;

    /// <summary>One named flag; not None, not a number or a combination, which would name nothing a reader can see.</summary>
    public static CaseFlags? ParseFlag(string? text) =>
        Enum.GetNames<CaseFlags>().Contains(text) && Enum.Parse<CaseFlags>(text!) is var flag and not CaseFlags.None ? flag : null;

    public static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
