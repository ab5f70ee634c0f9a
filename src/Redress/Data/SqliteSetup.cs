using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Redress.Data;

/// <summary>
/// What every SQLite connection of the server is set up with when it is opened. With background checkpoints, a
/// commit checkpoints by itself only when they have fallen far behind (<paramref name="AutoCheckpointPages"/>).
/// </summary>
/// <remarks>
/// Through SQLite's C functions rather than PRAGMA statements where it can: a statement is parsed on every open,
/// and registration opens a connection for every case.
/// </remarks>
public sealed record SqliteSetup(string Synchronous, int? AutoCheckpointPages)
{
    /// <summary>Native connections already given <see cref="Synchronous"/>; the pool hands them out again.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Synchronised = new();

    public void Apply(SqliteConnection connection)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        raw.sqlite3_busy_timeout(db, 30_000);
        raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_ENABLE_FKEY, 1, out int _);
        if (AutoCheckpointPages is { } pages) raw.sqlite3_wal_autocheckpoint(db, pages);
        // The query planner's stability guarantee: plans never depend on the values bound to parameters. Without it
        // SQLite prepares every statement with "LIMIT @p" (each page EF Core reads) or "LIKE @p" twice: once when
        // Microsoft.Data.Sqlite prepares it, and again at its first step, because binding the values expired it.
        // That second preparation took 14-16 % of the server's CPU during registration (docs/performance.md).
        raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out int _);
        // Only a PRAGMA sets this, and nothing else changes it: once per native connection.
        if (Synchronised.TryGetValue(db, out _)) return;
        Execute(connection, $"PRAGMA synchronous={Synchronous};");
        Synchronised.AddOrUpdate(db, this);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
