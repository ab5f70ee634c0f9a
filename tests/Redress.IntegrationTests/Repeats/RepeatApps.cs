using Microsoft.AspNetCore.Hosting;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Repeats;

/// <summary>Hosts with repeat and duplicate detection on, as in production (RedressApp turns it off for every other test).</summary>
public sealed class RepeatSqliteApp : SqliteApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("Triage:Repeat:Enabled", "true");
    }
}

public sealed class RepeatPostgresApp : PostgresApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("Triage:Repeat:Enabled", "true");
    }
}
