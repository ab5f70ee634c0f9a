using Npgsql;

namespace Redress.ProcessTests;

/// <summary>A fresh database on the PostgreSQL server test.sh starts (REDRESS_TEST_PG), dropped afterwards.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// REDRESS_TEST_PG, or a skipped test when it is unset; a failure instead when REDRESS_REQUIRE_ALL=1, so CI
    /// cannot go green without having run on PostgreSQL.
    /// </summary>
    public static string ServerOrSkip()
    {
        var server = Environment.GetEnvironmentVariable("REDRESS_TEST_PG");
        if (!string.IsNullOrWhiteSpace(server)) return server;
        const string why = "REDRESS_TEST_PG is not set (./test.sh starts a throwaway PostgreSQL and sets it).";
        if (Environment.GetEnvironmentVariable("REDRESS_REQUIRE_ALL") == "1") Assert.Fail($"{why} REDRESS_REQUIRE_ALL=1 forbids skipping.");
        Assert.Skip(why);
        return "";
    }

    public static async Task<PostgresDatabase> CreateAsync(string server, string prefix, CancellationToken ct)
    {
        var db = new PostgresDatabase(server, $"{prefix}_{Guid.NewGuid():N}");
        await db.ExecuteAsync($"CREATE DATABASE \"{db.Name}\"", ct);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // FORCE ends the sessions a killed server left behind before PostgreSQL noticed.
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
