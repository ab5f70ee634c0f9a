namespace Redress.Bench.Seeding;

/// <summary>Bulk-loads seeded cases into one database, the fastest way that database offers.</summary>
internal interface ICaseLoader : IAsyncDisposable
{
    /// <summary>Departments, categories and demo users the seeded rows refer to.</summary>
    Task<SeedReference> ReadReferenceAsync(CancellationToken ct);

    /// <summary>Sets the database up for loading: secondary indexes are dropped here and rebuilt in <see cref="FinishAsync"/>.</summary>
    Task BeginAsync(CancellationToken ct);

    /// <summary>Cases, their assisting departments, timeline entries and full-text rows.</summary>
    Task WriteAsync(IReadOnlyList<SeedCase> batch, CancellationToken ct);

    /// <summary>Rebuilds indexes and sets the number counters; leaves the database as the server expects it.</summary>
    Task FinishAsync(IReadOnlyDictionary<string, long> counters, CancellationToken ct);
}
