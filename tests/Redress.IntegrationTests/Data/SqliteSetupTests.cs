using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Data;
using Redress.IntegrationTests.Infrastructure;
using SQLitePCL;

namespace Redress.IntegrationTests.Data;

/// <summary>
/// Every SQLite connection the server opens, the pool's and the writer's, has the server's settings each time it is
/// opened, and plans its statements without looking at bound values (so a statement is prepared once, not twice).
/// </summary>
public sealed class SqliteSetupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Reprepares = 5; // SQLITE_STMTSTATUS_REPREPARE

    [Fact]
    public async Task PooledConnections_HaveTheSettingsAtEveryOpen_AndBoundValuesDoNotPrepareAStatementAgain()
    {
        var dbs = app.Services.GetRequiredService<IDbContextFactory<RedressDb>>();
        for (var open = 0; open < 3; open++)
        {
            await using var db = await dbs.CreateDbContextAsync(Test.Ct);
            await db.Database.OpenConnectionAsync(Test.Ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal((1L, 30_000L, 1L), (await PragmaAsync(connection, "foreign_keys"), await PragmaAsync(connection, "busy_timeout"), await PragmaAsync(connection, "synchronous")));
            // A pooled connection given back with a setting changed gets it again at the next open.
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA foreign_keys=OFF; PRAGMA busy_timeout=5;";
                await command.ExecuteNonQueryAsync(Test.Ct);
            }
            Assert.Equal(0, PreparedAgain(connection, """SELECT "Id" FROM "Cases" ORDER BY "Id" DESC LIMIT ?"""));
            Assert.Equal(0, PreparedAgain(connection, """SELECT "Id" FROM "Cases" WHERE "Number" LIKE ?"""));
        }
    }

    [Fact]
    public async Task TheWritersConnection_HasTheSettingsToo()
    {
        var writes = app.Services.GetRequiredService<GroupCommit>();
        var (keys, timeout, prepared) = await writes.RunAsync(async (db, ct) =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            return (await PragmaAsync(connection, "foreign_keys"), await PragmaAsync(connection, "busy_timeout"),
                PreparedAgain(connection, """SELECT "Id" FROM "Cases" ORDER BY "Id" DESC LIMIT ?"""));
        }, Test.Ct);
        Assert.Equal((1L, 30_000L, 0), (keys, timeout, prepared));
    }

    private static async Task<long> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Test.Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="sql"/> three times with new values; how often SQLite prepared it again.</summary>
    private static int PreparedAgain(SqliteConnection connection, string sql)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                if (sql.Contains("LIKE", StringComparison.Ordinal)) raw.sqlite3_bind_text(statement, 1, $"2026{i}%");
                else raw.sqlite3_bind_int(statement, 1, i * 10);
                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW) { }
                raw.sqlite3_reset(statement);
            }
            return raw.sqlite3_stmt_status(statement, Reprepares, 0);
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }
}
