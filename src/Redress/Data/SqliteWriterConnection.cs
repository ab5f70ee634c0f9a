using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Redress.Data;

/// <summary>
/// The SQLite group-commit writer's own connection, kept open with a large page cache. Every registration
/// touches a page of each index; at a million cases those pages no longer fit SQLite's default 2 MB cache,
/// and re-reading them made registration 25 % slower (docs/performance.md). Readers keep the small default
/// cache on their pooled connections, so memory stays bounded however many readers there are.
/// Only <see cref="GroupCommit"/> uses it, from its single loop: never two contexts at once.
/// </summary>
public sealed class SqliteWriterConnection(string connectionString, string pragmas, int cacheMb) : IDisposable
{
    private SqliteConnection? _connection;
    private DbContextOptions<SqliteRedressDb>? _options;

    public SqliteRedressDb CreateContext()
    {
        if (_options is null)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = $"{pragmas} PRAGMA cache_size=-{cacheMb * 1024};";
                command.ExecuteNonQuery();
            }
            _options = new DbContextOptionsBuilder<SqliteRedressDb>().UseSqlite(_connection).Options;
        }
        return new SqliteRedressDb(_options);
    }

    public void Dispose() => _connection?.Dispose();
}
