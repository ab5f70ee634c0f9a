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
public sealed class CaseNumbers(NumberingOptions options)
{
    private readonly CaseNumberFormat _format = new(options.Format);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

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
        var date = LocalDate(utcNow);
        var scope = _format.CounterScope(date, channel);
        long serial;
        if (db.IsSqlite || db.Database.CurrentTransaction is not null)
        {
            // SQLite, or a caller's own transaction (demo seeding): the counter step commits with it.
            serial = await Upsert(db, scope, ct);
        }
        else
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            serial = await Upsert(db, scope, ct);
            await tx.CommitAsync(ct);
        }
        return _format.Format(date, channel, serial);
    }

    private static async Task<long> Upsert(RedressDb db, string scope, CancellationToken ct) =>
        Convert.ToInt64(await db.ScalarAsync("""
            INSERT INTO "NumberCounters" ("Scope", "Last") VALUES (@p0, 1)
            ON CONFLICT ("Scope") DO UPDATE SET "Last" = "NumberCounters"."Last" + 1
            RETURNING "Last"
            """, ct, scope), System.Globalization.CultureInfo.InvariantCulture);
}
