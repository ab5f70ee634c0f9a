using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;

namespace Redress.Data;

public sealed class NumberingOptions
{
    public string Format { get; set; } = CaseNumberFormat.Default;
    /// <summary>The organisation's time zone: the date in a case number is the local date there.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>
/// Hands out case numbers (R-IN-2) from a counter row per scope, with an atomic upsert: unique under
/// concurrency and across processes sharing one database.
/// </summary>
public sealed class CaseNumbers(NumberingOptions options, StoredSettings settings)
{
    private readonly CaseNumberFormat _default = new(options.Format);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    private CaseNumberFormat? _stored;

    /// <summary>The configured template (Numbering:Format): what applies while no administrator has set one.</summary>
    public CaseNumberFormat Default => _default;

    /// <summary>
    /// The administrator's template when there is one (it was checked when saved), else the configured default.
    /// Read through <see cref="StoredSettings"/>, so a change made on another instance applies here within its
    /// cache age, without a restart.
    /// </summary>
    public async ValueTask<CaseNumberFormat> CurrentFormatAsync(CancellationToken ct)
    {
        var rows = (await settings.GetAsync(ct)).Rows;
        if (!rows.TryGetValue(Setting.NumberFormat, out var row)) return _default;
        var stored = _stored;
        if (stored?.Template == row.Value) return stored;
        return _stored = new CaseNumberFormat(row.Value);
    }

    public DateOnly LocalDate(DateTime utcNow) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, _zone));

    /// <summary>
    /// On SQLite call this inside the write transaction (there is one writer anyway). On PostgreSQL call it
    /// outside: it commits on its own with synchronous_commit off, so the counter row is locked for
    /// microseconds instead of for the case's whole transaction and its WAL flush. That cannot hand out a
    /// number twice: the WAL is flushed in order, so any case that is durable has its counter step durable
    /// before it. A case that fails after this leaves a gap in the serials, never a duplicate.
    /// </summary>
    public async Task<string> NextAsync(RedressDb db, Channel channel, DateTime utcNow, CancellationToken ct)
    {
        var format = await CurrentFormatAsync(ct);
        var date = LocalDate(utcNow);
        var scope = format.CounterScope(date, channel);
        var serial = db.IsSqlite || db.Database.CurrentTransaction is not null
            // SQLite, or a caller's own transaction (demo seeding): the counter step commits with it.
            ? Convert.ToInt64(await db.ScalarAsync(UpsertSql, ct, scope), CultureInfo.InvariantCulture)
            // One round trip, so the counter row is locked only while the server runs these four statements.
            : Convert.ToInt64(await db.ScalarAsync(UpsertAloneSql, ct, scope), CultureInfo.InvariantCulture);
        return format.Format(date, channel, serial);
    }

    private const string UpsertSql = """
        INSERT INTO "NumberCounters" ("Scope", "Last") VALUES (@p0, 1)
        ON CONFLICT ("Scope") DO UPDATE SET "Last" = "NumberCounters"."Last" + 1
        RETURNING "Last"
        """;

    private const string UpsertAloneSql = $"BEGIN; SET LOCAL synchronous_commit = off; {UpsertSql}; COMMIT;";
}
