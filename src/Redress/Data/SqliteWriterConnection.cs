using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Redress.Data;

/// <summary>
/// The SQLite group-commit writer's own connection, kept open with a large page cache. Every registration
/// touches a page of each index; at a million cases those pages no longer fit SQLite's default 2 MB cache,
/// and re-reading them made registration 25 % slower (docs/performance.md). Readers keep the small default
/// cache on their pooled connections, so memory stays bounded however many readers there are.
/// Only <see cref="GroupCommit"/> uses it, from its single loop: never two units at once.
/// </summary>
public sealed class SqliteWriterConnection(string connectionString, SqliteSetup setup, int cacheMb) : IDisposable
{
    /// <summary>More distinct statements than registration and the scheduler's steps use; past it, commands are not kept.</summary>
    private const int MaxKept = 128;

    private readonly Dictionary<string, KeptCommand> _kept = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private SqliteRedressDb? _context;

    /// <summary>
    /// The writer's one context, for the connection's whole life. EF Core registers its SQL functions on the connection
    /// for every context made on it, and SQLite then expires every statement prepared there: a context per batch
    /// would prepare each kept statement again once per batch.
    /// </summary>
    public SqliteRedressDb Context => _context ??= Open();

    private SqliteRedressDb Open()
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        setup.Apply(_connection);
        SqliteSetup.Execute(_connection, $"PRAGMA cache_size=-{cacheMb * 1024};");
        return new SqliteRedressDb(new DbContextOptionsBuilder<SqliteRedressDb>().UseSqlite(_connection).Options) { Writer = this };
    }

    /// <summary>
    /// A command for <paramref name="sql"/> whose statement this connection prepared the first time and keeps.
    /// Microsoft.Data.Sqlite prepares each new command's SQL afresh, and on the registration path parsing and
    /// planning cost as much as running the statements (docs/performance.md). Disposing the command only clears
    /// its parameters; the statements are finalized with the connection.
    /// </summary>
    internal DbCommand Kept(string sql)
    {
        if (_kept.TryGetValue(sql, out var kept))
        {
            kept.Parameters.Clear();
            return kept;
        }
        if (_kept.Count >= MaxKept) return new SqliteCommand(sql, _connection);
        return _kept[sql] = new KeptCommand(sql, _connection!);
    }

    public void Dispose()
    {
        foreach (var kept in _kept.Values) kept.Release();
        _context?.Dispose();
        _connection?.Dispose();
    }

    private sealed class KeptCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released) base.Dispose(disposing);
            else Parameters.Clear();
        }
    }
}
