using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>A SQLite file in a fresh temporary data directory; hosts with other settings derive from it.</summary>
public class SqliteApp : RedressApp
{
    public override string Database => "SQLite";

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Storage:Provider", "sqlite");

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

/// <summary>
/// A fresh PostgreSQL database on the server named by REDRESS_TEST_PG, dropped afterwards. Without that
/// variable the tests skip, unless REDRESS_REQUIRE_ALL=1 makes them fail.
/// </summary>
public class PostgresApp : RedressApp
{
    private PostgresDatabase? _database;

    public override string Database => "PostgreSQL";

    /// <summary>Set to share a database another app created (several hosts on one database).</summary>
    public PostgresDatabase? SharedDatabase { get; init; }

    public string ConnectionString => (SharedDatabase ?? _database)?.ConnectionString ?? throw new InvalidOperationException("No database.");

    public override void RequireDatabase() => PostgresServer.Require();

    public override async ValueTask InitializeAsync()
    {
        if (!PostgresServer.IsConfigured) return;
        _database = SharedDatabase is null ? await PostgresServer.CreateDatabaseAsync() : null;
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "postgres");
        builder.UseSetting("ConnectionStrings:Redress", ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
