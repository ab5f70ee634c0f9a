using Npgsql;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: REDRESS_TEST_PG is a connection string whose user may
/// CREATE DATABASE. test.sh starts a throwaway server and sets it; there is no Docker here.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "REDRESS_TEST_PG";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool IsConfigured => ConnectionString is not null;

    private static bool AllRequired => Environment.GetEnvironmentVariable("REDRESS_REQUIRE_ALL") == "1";

    public static void Require()
    {
        if (IsConfigured) return;
        if (AllRequired)
            Assert.Fail($"REDRESS_REQUIRE_ALL=1 but {Variable} is not set: give a PostgreSQL connection string whose user may CREATE DATABASE (test.sh starts one).");
        Assert.Skip($"PostgreSQL test: set {Variable} to a connection string whose user may CREATE DATABASE (test.sh does).");
    }

    public static async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        Require();
        var name = $"redress_it_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        // A small pool per host: two hosts and a parallel test class stay well under a default server's
        // max_connections (100) even while 200 registrations queue for connections.
        var cs = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, MaxPoolSize = 25 }.ConnectionString;
        return new PostgresDatabase(name, cs);
    }
}

/// <summary>A database of the test server that is dropped on disposal, with whatever still connects to it.</summary>
public sealed class PostgresDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
