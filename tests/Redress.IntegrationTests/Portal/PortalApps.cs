using Microsoft.AspNetCore.Hosting;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Portal;

/// <summary>
/// Every request of a test host comes from one address, so the per-address limits are raised out of the way;
/// the per-contact limit of filings (3 a day, counted in the database) and the per-number limit of look-ups stay as shipped.
/// </summary>
internal static class PortalSettings
{
    public static void Apply(IWebHostBuilder builder) =>
        builder.UseSetting("Portal:FilingsPerAddressPerHour", "1000").UseSetting("Portal:LookupsPerAddress", "1000");
}

public sealed class PortalSqliteApp : SqliteApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        PortalSettings.Apply(builder);
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
