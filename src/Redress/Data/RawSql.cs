using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Redress.Data;

/// <summary>
/// Statements on the context's connection and transaction without EF Core's query and update pipelines:
/// for the few statements on the registration hot path, where that pipeline cost more than the statement
/// (docs/performance.md).
/// </summary>
internal static class RawSql
{
    /// <summary>One statement with parameters named @p0, @p1 …; returns the first column of the first row.</summary>
    public static async Task<object?> ScalarAsync(this RedressDb db, string sql, CancellationToken ct, params object?[] values)
    {
        var opened = await OpenAsync(db, ct);
        try
        {
            await using var command = db.Command(sql);
            for (var i = 0; i < values.Length; i++) command.Bind("@p" + i, values[i]);
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// A command in the context's open connection and current transaction. On the SQLite writer's connection it is
    /// one that was prepared before and kept (<see cref="SqliteWriterConnection.Kept"/>).
    /// </summary>
    public static DbCommand Command(this RedressDb db, string sql)
    {
        DbCommand command;
        if (db is SqliteRedressDb { Writer: { } writer }) command = writer.Kept(sql);
        else
        {
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>
    /// Opens the context's connection and, on SQLite, stops the statement running on it when <paramref name="ct"/>
    /// is cancelled: Microsoft.Data.Sqlite runs a statement synchronously to its end whatever the token says
    /// (PostgreSQL's driver cancels by itself). The statement then fails with SQLITE_INTERRUPT; dispose the
    /// registration before the connection goes back to its pool.
    /// </summary>
    public static async Task<CancellationTokenRegistration> InterruptOnCancelAsync(this RedressDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (!db.IsSqlite || !ct.CanBeCanceled) return default;
        return ct.Register(static c => { if (((SqliteConnection)c!).Handle is { } handle) SQLitePCL.raw.sqlite3_interrupt(handle); },
            db.Database.GetDbConnection());
    }

    public static DbCommand Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    private static async Task<bool> OpenAsync(RedressDb db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State == ConnectionState.Open) return false;
        await db.Database.OpenConnectionAsync(ct);
        return true;
    }
}
