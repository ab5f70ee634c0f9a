using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// Only one retrain at a time across every instance on the database. On PostgreSQL a session advisory lock,
/// held on a connection of its own for the length of the training (pg_try_advisory_lock: a second retrain is
/// told at once rather than queued behind minutes of training). SQLite has one writer process, so a
/// process-wide semaphore is the whole story there. The filtered unique index on the active version is the
/// last line of defence either way.
/// </summary>
public sealed class TrainingLock : IAsyncDisposable
{
    // Any constant unique to this use in the application: "RTRN" as a 64-bit key.
    private const long AdvisoryKey = 0x5254524E;
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    private readonly DbConnection? _connection;
    private readonly RedressDb? _db;

    private TrainingLock(RedressDb? db, DbConnection? connection) => (_db, _connection) = (db, connection);

    /// <summary>The lock, or null when another retrain holds it.</summary>
    public static async Task<TrainingLock?> TryTakeAsync(IDbContextFactory<RedressDb> dbs, CancellationToken ct)
    {
        if (!await InProcess.WaitAsync(0, ct)) return null;
        RedressDb? db = null;
        try
        {
            db = await dbs.CreateDbContextAsync(ct);
            if (db.IsSqlite) return new TrainingLock(db, null);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_try_advisory_lock({AdvisoryKey})";
            if (await command.ExecuteScalarAsync(ct) is true) return new TrainingLock(db, connection);
            await connection.CloseAsync();
        }
        catch
        {
            if (db is not null) await db.DisposeAsync();
            InProcess.Release();
            throw;
        }
        await db.DisposeAsync();
        InProcess.Release();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await using var command = _connection.CreateCommand();
                command.CommandText = $"SELECT pg_advisory_unlock({AdvisoryKey})";
                await command.ExecuteScalarAsync();
                await _connection.CloseAsync();
            }
            if (_db is not null) await _db.DisposeAsync();
        }
        finally
        {
            InProcess.Release();
        }
    }
}
