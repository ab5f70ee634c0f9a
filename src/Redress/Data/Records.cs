namespace Redress.Data;

/// <summary>One row per numbering scope (day × channel by default); its <see cref="Last"/> serial is the counter.</summary>
public sealed class NumberCounter
{
    public string Scope { get; set; } = "";
    public long Last { get; set; }
}

/// <summary>
/// Remembers the answer to a create that carried an Idempotency-Key, so a retry gets the first case back.
/// Written in the same transaction as the case: either both exist or neither does.
/// </summary>
public sealed class IdempotencyRecord
{
    public string UserId { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>SHA-256 of the request body: the same key with a different body is refused.</summary>
    public string RequestHash { get; set; } = "";
    public long CaseId { get; set; }
    public Domain.Cases.Case? Case { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A user's saved queue filters: the queue page's query string under a name of their choosing.</summary>
public sealed class SavedView
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The normalised query string, without "?" or a cursor: <c>queue=overdue&amp;grade=1</c>.</summary>
    public string Query { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
