using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Features.Cases;
using Redress.Features.Notifications;
using Redress.Features.Sla;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>
/// Many limits falling due at once tell a person once: above Notifications:DigestAbove notices of one kind in a pass,
/// one bell entry and one mail list the cases, instead of a mail per case.
/// </summary>
public abstract partial class DigestTests
{
    protected abstract RedressApp NewApp();

    [Fact]
    public async Task ManyBreachesInOnePass_ReachTheLeadAsOneSummary_ThatListsEveryCase()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        var agent = await app.SignInAsync("agent");
        var cases = new List<CaseDetails>();
        for (var i = 0; i < 3; i++) cases.Add(await agent.RegisterAsync(A.Case().Graded(2).LedBy(app.Ids.AfterSales).Build()));

        app.Advance(TimeSpan.FromMinutes(61));   // each grade 2 case's 1-hour supervisor report is overdue
        await app.Services.GetRequiredService<CheckClocks>().RunAsync(Test.Ct);

        var lead = app.Ids.UserId("lead");
        var breaches = await app.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UserId == lead && n.Event == NotificationEvent.SlaBreached).ToListAsync(Test.Ct));
        var summary = Assert.Single(breaches);
        Assert.Null(summary.CaseId);
        Assert.True(int.Parse(summary.Detail!, System.Globalization.CultureInfo.InvariantCulture) >= cases.Count);
        var leadEmail = await app.QueryAsync(db => db.Users.Where(u => u.Id == lead).Select(u => u.Email).SingleAsync(Test.Ct));
        var mail = Assert.Single(await app.QueryAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Recipient == leadEmail && m.Subject!.Contains("已超时")).ToListAsync(Test.Ct)));
        Assert.All(cases, c => Assert.Contains(c.Number, mail.Body, StringComparison.Ordinal));
        Assert.Contains("/?queue=overdue", mail.Body, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var page = await Expect.JsonAsync<NotificationPage>(await (await app.SignInAsync("lead")).Http.SendAsync(request, Test.Ct));
        Assert.Matches(CasesOverdue(), Assert.Single(page.Items, n => n.Event == NotificationEvent.SlaBreached).Title);
    }

    [GeneratedRegex(@"^\d+ cases overdue$")]
    private static partial Regex CasesOverdue();
}

public sealed class DigestsOnSqlite : DigestTests
{
    protected override RedressApp NewApp() => new SqliteApp { DigestAbove = 2 };
}

public sealed class DigestsOnPostgres : DigestTests
{
    protected override RedressApp NewApp() => new PostgresApp { DigestAbove = 2 };
}
