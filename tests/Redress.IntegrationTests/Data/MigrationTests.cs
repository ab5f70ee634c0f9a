using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Data;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Data;

/// <summary>
/// A model change without a migration fails here, for each provider, before it fails a deployment. The
/// design-time factories are what `dotnet ef migrations add` uses; they need no server.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteModel_HasAMigrationForEveryChange()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), Hint("SqliteRedressDb", "Sqlite"));
    }

    [Fact]
    public void PostgresModel_HasAMigrationForEveryChange()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), Hint("PostgresRedressDb", "Postgres"));
    }

    internal static string Hint(string context, string folder) =>
        $"The EF model has changes without a migration: dotnet ef migrations add <Name> --project src/Redress --context {context} --output-dir Data/Migrations/{folder}";
}

/// <summary>The running app's own context, on a real database: fully migrated, and its model matches the migrations.</summary>
public abstract class MigratedDatabaseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task TheStartedApp_HasAppliedEveryMigration_AndItsModelHasNoPendingChanges()
    {
        app.RequireDatabase();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContextAsync(Test.Ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Test.Ct));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Test.Ct));
        Assert.False(db.Database.HasPendingModelChanges(), MigrationTests.Hint(db.GetType().Name, app.Database == "SQLite" ? "Sqlite" : "Postgres"));
    }
}

public sealed class MigratedDatabaseOnSqlite(SqliteApp app) : MigratedDatabaseTests<SqliteApp>(app);

public sealed class MigratedDatabaseOnPostgres(PostgresApp app) : MigratedDatabaseTests<PostgresApp>(app);
