using Microsoft.EntityFrameworkCore;

namespace Redress.Data;

/// <summary>
/// An administrator's setting that overrides the configuration's default (Numbering:Format, …). One row per
/// key; no row means the configured default applies.
/// </summary>
public sealed class Setting
{
    public const string NumberFormat = "Numbering.Format";

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>The administrator's display name, for the settings page's "changed by".</summary>
    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// The settings rows, read on every registration and changed rarely: held in memory and reloaded after a change
/// here, or within <see cref="MaxAge"/> when the change came through another instance.
/// </summary>
public sealed class StoredSettings(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private Snapshot? _snapshot;

    public sealed record Snapshot(IReadOnlyDictionary<string, Setting> Rows, DateTimeOffset LoadedAt);

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, ct);
        return _snapshot = new Snapshot(rows, clock.GetUtcNow());
    }

    public void Invalidate() => _snapshot = null;
}
