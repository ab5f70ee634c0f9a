using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Portal;

/// <summary>
/// Every request of a test host comes from one address, so the per-address limit is raised out of the way;
/// the per-contact limit (3 a day, counted in the database) stays as shipped.
/// </summary>
internal static class PortalSettings
{
    public static void Apply(IWebHostBuilder builder) => builder.UseSetting("Portal:FilingsPerAddressPerHour", "1000");
}

public sealed class PortalSqliteApp : RedressApp
{
    public override string Database => "SQLite";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "sqlite");
        PortalSettings.Apply(builder);
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

public sealed class PortalPostgresApp : PostgresApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        PortalSettings.Apply(builder);
    }
}
