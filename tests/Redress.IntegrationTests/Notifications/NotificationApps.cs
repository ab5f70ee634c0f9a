using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Redress.Features.Cases;
using Redress.Features.Notifications;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>What the notification tests' hosts are told about mail.</summary>
internal static class MailSettings
{
    public const string From = "redress@redress.example";

    /// <summary>To the test's SMTP server; without one, a closed port (the tests skip before mail is sent).</summary>
    public static void UseTestServer(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", MailServer.Port ?? "1");
        builder.UseSetting("Notifications:Smtp:FromAddress", From);
        builder.UseSetting("Notifications:Smtp:TimeoutSeconds", "10");
    }

    /// <summary>No SMTP host: email is off.</summary>
    public static void TurnOff(IWebHostBuilder builder) => builder.UseSetting("Notifications:Smtp:Host", "");
}

/// <summary>A SQLite host that mails through the test's SMTP server (as <see cref="SqliteApp"/> otherwise).</summary>
public sealed class MailingSqliteApp : SqliteApp
{
    public override void RequireDatabase() => MailServer.Require();

    public override async ValueTask InitializeAsync()
    {
        if (MailServer.IsConfigured) await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        MailSettings.UseTestServer(builder);
    }
}

public sealed class MailingPostgresApp : PostgresApp
{
    public override void RequireDatabase()
    {
        base.RequireDatabase();
        MailServer.Require();
    }

    public override async ValueTask InitializeAsync()
    {
        if (MailServer.IsConfigured) await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        MailSettings.UseTestServer(builder);
    }
}

/// <summary>A SQLite host with email off, for the webhook tests (which need no SMTP server).</summary>
public sealed class MaillessSqliteApp : SqliteApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        MailSettings.TurnOff(builder);
    }
}

public sealed class MaillessPostgresApp : PostgresApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        MailSettings.TurnOff(builder);
    }
}

/// <summary>Real events to be told of: SLA breaches of grade 2 cases, through the API and the scheduler's pass.</summary>
internal static class Breaches
{
    /// <summary>A new token for the subject, so a test finds its own mail and calls among everything else's.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// A grade 2 case led by <paramref name="departmentId"/>, acknowledged and assigned to <paramref name="handler"/> by
    /// the agent: its only running 1-hour limit is 上报主管 (supervisor report), which only a lead or an executive meets.
    /// </summary>
    public static async Task<CaseDetails> AssignedCaseAsync(RedressApp app, string token, int departmentId, string handler)
    {
        var agent = await app.SignInAsync("agent");
        var c = await agent.RegisterAsync(A.Case().Graded(2).LedBy(departmentId).About($"Kettle lid cracked {token}").Build());
        await agent.DoAsync(c.Id, "acknowledge", Bodies.Note());
        return await agent.DoAsync(c.Id, "assign", Bodies.Assign(departmentId, app.Ids.UserId(handler)));
    }

    /// <summary>An hour and a minute later, the scheduler's pass: the supervisor report is breached.</summary>
    public static async Task BreachAsync(RedressApp app)
    {
        app.Advance(TimeSpan.FromMinutes(61));
        await app.Services.GetRequiredService<CheckClocks>().RunAsync(Test.Ct);
    }

    public static Task<DeliverOutbox.Pass> DeliverAsync(RedressApp app) => app.Services.GetRequiredService<DeliverOutbox>().RunAsync(Test.Ct);

    public static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
