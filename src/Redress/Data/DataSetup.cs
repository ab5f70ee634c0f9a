using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Redress.Data;

public sealed class StorageOptions
{
    /// <summary>sqlite (default, a file in <see cref="DataDirectory"/>) or postgres (ConnectionStrings:Redress).</summary>
    public string Provider { get; set; } = "sqlite";
    public string DataDirectory { get; set; } = "data";
    /// <summary>SQLite's synchronous pragma. NORMAL in WAL mode survives a process crash; FULL also a power cut.</summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";
    /// <summary>Page cache of the SQLite writer's own connection, in MB (readers keep SQLite's 2 MB each).</summary>
    public int SqliteWriterCacheMb { get; set; } = 64;
    /// <summary>
    /// How often, in ms, a background checkpoint copies SQLite's write-ahead log into the database file; 0 leaves
    /// it to the commit that fills the log (<see cref="SqliteCheckpoints"/>).
    /// </summary>
    public int SqliteCheckpointMs { get; set; } = 250;

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
}

public static class DataSetup
{
    public static WebApplicationBuilder AddRedressData(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(storage);
        var cs = builder.Configuration.GetConnectionString("Redress");
        if (storage.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Storage:Provider is postgres but ConnectionStrings:Redress is empty.");
            builder.Services.AddPooledDbContextFactory<PostgresRedressDb>(o => o.UseNpgsql(Tuned(cs)));
            builder.Services.AddSingleton<IDbContextFactory<RedressDb>, ProviderDbFactory<PostgresRedressDb>>();
        }
        else
        {
            Directory.CreateDirectory(storage.DataDirectory);
            if (string.IsNullOrWhiteSpace(cs)) cs = $"Data Source={Path.Combine(storage.DataDirectory, "redress.db")}";
            var checkpoints = storage.SqliteCheckpointMs > 0;
            var setup = new SqliteSetup(storage.SqliteSynchronous, checkpoints ? SqliteCheckpoints.AutoCheckpointPages : null);
            builder.Services.AddPooledDbContextFactory<SqliteRedressDb>(o => o.UseSqlite(cs).AddInterceptors(new SqliteOpened(setup)));
            builder.Services.AddSingleton<IDbContextFactory<RedressDb>, ProviderDbFactory<SqliteRedressDb>>();
            builder.Services.AddSingleton(new SqliteWriterConnection(cs, setup, storage.SqliteWriterCacheMb));
            if (checkpoints)
            {
                var connectionString = cs;
                builder.Services.AddSingleton(sp => new SqliteCheckpoints(connectionString, storage, sp.GetRequiredService<ILogger<SqliteCheckpoints>>()));
                builder.Services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpoints>());
            }
        }
        builder.Services.AddSingleton<StoredSettings>();
        // Identity's stores want a scoped context; everything else creates one per operation from the factory.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContext());
        return builder;
    }

    /// <summary>
    /// Unless the connection string chooses otherwise: Npgsql prepares the statements a connection runs most
    /// often, so PostgreSQL parses and plans them once per connection instead of on every call; and a pooled
    /// connection is not reset on its way back (three statements each time), since Redress changes session
    /// settings only with SET LOCAL, which ends with its transaction.
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Applies migrations (EF Core takes a lock, so several instances may start at once).</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContextAsync(ct);
        if (db.IsSqlite)
        {
            // WAL is a property of the file: readers never block the writer, and commits append.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    private sealed class ProviderDbFactory<TDb>(IDbContextFactory<TDb> inner) : IDbContextFactory<RedressDb>
        where TDb : RedressDb
    {
        public RedressDb CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>Applies <see cref="SqliteSetup"/> each time a pooled connection is opened.</summary>
    private sealed class SqliteOpened(SqliteSetup setup) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => setup.Apply((SqliteConnection)connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            setup.Apply((SqliteConnection)connection);
            return Task.CompletedTask;
        }
    }
}
