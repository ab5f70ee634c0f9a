using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Redress.Domain.Cases;
using Redress.Features.Reference;

namespace Redress.Features.Cases;

/// <summary>
/// The queue page's filters as its URL carries them (?queue=overdue&amp;grade=1&amp;sort=due), turned into the
/// case list query the page runs. Saved views store the same query string, so a view counts and opens exactly
/// what the page showed when it was saved.
/// </summary>
/// <remarks>From, To, Department, Open and Flag have no control of their own: links such as the overview's set them (QueueLink).</remarks>
public sealed record QueueFilters(
    string? Queue, string? Q, string? Status, string? Grade, string? Channel, string? Category, string? Sort,
    string? From = null, string? To = null, string? Department = null, string? Open = null, string? Flag = null)
{
    public static readonly QueueFilters None = new(null, null, null, null, null, null, null);

    /// <summary>Reads the parameters the page knows; anything else (a cursor, a typo) is dropped.</summary>
    public static QueueFilters Parse(string? queryString)
    {
        var p = QueryHelpers.ParseQuery(queryString);
        string? Get(string key) => p.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;
        return new(Get("queue"), Get("q"), Get("status"), Get("grade"), Get("channel"), Get("category"), Get("sort"),
            Get("from"), Get("to"), Get("department"), Get("open"), Get("flag"));
    }

    /// <summary>The parameters in a fixed order, empty ones left out: the same filters always give the same string.</summary>
    public string ToQueryString() => string.Join("&", new (string Key, string? Value)[]
        {
            ("queue", Queue), ("q", Q), ("status", Status), ("grade", Grade), ("channel", Channel), ("category", Category), ("sort", Sort),
            ("from", From), ("to", To), ("department", Department), ("open", Open), ("flag", Flag),
        }.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public bool IsSearch => !string.IsNullOrWhiteSpace(Q);

    /// <summary>The queue the filters start from: the named one, else the reader's first.</summary>
    public Queues.Queue? QueueIn(IReadOnlyList<Queues.Queue> queues) =>
        queues.FirstOrDefault(q => q.Key == Queue) ?? (Queue is null && queues.Count > 0 ? queues[0] : null);

    /// <summary>The sort the page shows: the chosen one, else the queue's own.</summary>
    public string SortIn(IReadOnlyList<Queues.Queue> queues) => Sort ?? QueueIn(queues)?.Query.Sort ?? "-created";

    /// <summary>
    /// The case list query: the queue's own query narrowed by the filters, or, for a search, the filters alone.
    /// A top category includes its sub-categories. Values that do not parse are ignored, as the page ignores them.
    /// </summary>
    public CaseListQuery ToQuery(IReadOnlyList<Queues.Queue> queues, ReferenceData.Snapshot refs)
    {
        var query = IsSearch ? CaseListQuery.Empty : QueueIn(queues)?.Query ?? CaseListQuery.Empty;
        return query with
        {
            Q = IsSearch ? Q : null,
            Status = Enum.TryParse<CaseStatus>(Status, out var status) ? [status] : query.Status,
            Grade = int.TryParse(Grade, CultureInfo.InvariantCulture, out var grade) ? [grade] : query.Grade,
            Channel = Enum.TryParse<Channel>(Channel, out var channel) ? [channel] : query.Channel,
            CategoryId = int.TryParse(Category, CultureInfo.InvariantCulture, out var category)
                ? [category, .. refs.Categories.Values.Where(c => c.ParentId == category).Select(c => c.Id)]
                : query.CategoryId,
            DepartmentId = int.TryParse(Department, CultureInfo.InvariantCulture, out var department) ? department : query.DepartmentId,
            Open = bool.TryParse(Open, out var open) ? open : query.Open,
            Flag = QueueLink.ParseFlag(Flag) is { } flag ? [flag] : query.Flag,
            CreatedFrom = QueueLink.ParseInstant(From) ?? query.CreatedFrom,
            CreatedTo = QueueLink.ParseInstant(To) ?? query.CreatedTo,
            Sort = IsSearch ? null : SortIn(queues),
        };
    }
}
