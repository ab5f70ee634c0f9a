using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// Only one retrain at a time across every instance on the database. On PostgreSQL a session advisory lock
/// (scoped to the database), held on a connection of its own for the length of the training
/// (pg_try_advisory_lock: a second retrain is told at once rather than queued behind minutes of training). SQLite
/// has one writer process, so a semaphore per database file is the whole story there. The filtered unique index
/// on the active version is the last line of defence either way.
/// </summary>
public sealed class TrainingLock : IAsyncDisposable
{
    // Any constant unique to this use in the application: "RTRN" as a 64-bit key.
    private const long AdvisoryKey = 0x5254524E;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteFiles = new(StringComparer.Ordinal);

    private readonly RedressDb _db;
    private readonly SemaphoreSlim? _file;

    private TrainingLock(RedressDb db, SemaphoreSlim? file) => (_db, _file) = (db, file);

    /// <summary>The lock, or null when another retrain holds it.</summary>
    public static async Task<TrainingLock?> TryTakeAsync(IDbContextFactory<RedressDb> dbs, CancellationToken ct)
    {
        var db = await dbs.CreateDbContextAsync(ct);
        try
        {
            if (db.IsSqlite)
            {
                var file = SqliteFiles.GetOrAdd(db.Database.GetConnectionString()!, _ => new SemaphoreSlim(1, 1));
                if (await file.WaitAsync(0, ct)) return new TrainingLock(db, file);
            }
            else
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT pg_try_advisory_lock({AdvisoryKey})";
                if (await command.ExecuteScalarAsync(ct) is true) return new TrainingLock(db, null);
            }
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        await db.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_file is null)
            {
                await using var command = _db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT pg_advisory_unlock({AdvisoryKey})";
                await command.ExecuteScalarAsync();
            }
        }
        finally
        {
            _file?.Release();
            await _db.DisposeAsync();
        }
    }
}
