using Microsoft.AspNetCore.Mvc;
using Redress.Domain.Sla;

namespace Redress.Features.Analytics;

/// <param name="From">First instant of the period (inclusive): cases closed from then on.</param>
/// <param name="To">End of the period (exclusive).</param>
public sealed record SlaBucketQuery([FromQuery] DateTimeOffset? From, [FromQuery] DateTimeOffset? To);

/// <param name="Bucket">A bucket's key in the active profile, or "outside" for the cases resolved after every bucket.</param>
/// <param name="Cursor">The previous page's nextCursor.</param>
public sealed record SlaBucketCasesQuery(
    [FromQuery] DateTimeOffset? From, [FromQuery] DateTimeOffset? To, [FromQuery] string? Bucket, [FromQuery] string? Cursor, [FromQuery] int? Limit);

/// <param name="Key">The bucket's key in the profile; <see cref="SlaBucketReport.Outside"/> for the cases resolved after every bucket.</param>
/// <param name="Within">The bucket's limit from receipt; null for the cases outside all buckets.</param>
/// <param name="Share">Of the period's closed cases; null when none closed.</param>
public sealed record BucketCount(string Key, TimeLimit? Within, int Count, double? Share);

/// <summary>
/// R-SLA-5: the cases closed (resolved) in the period, counted in the active profile's report buckets: each in the
/// band with the earliest limit it was resolved within, the rest in <see cref="Outside"/> (last in <paramref name="Buckets"/>).
/// </summary>
/// <param name="Closed">Cases closed in the period within the reader's scope: the sum of the counts.</param>
public sealed record SlaBucketReport(string ProfileCode, string ProfileNameZh, string ProfileNameEn, DateTime From, DateTime To,
    int Closed, IReadOnlyList<BucketCount> Buckets)
{
    public const string Outside = "outside";
}
