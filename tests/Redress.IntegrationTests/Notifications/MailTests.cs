using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Features.Notifications;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>
/// R-SLA-4: the outbox's mail goes out through a real SMTP server in each recipient's language, survives the
/// server being down, and goes out once. The classes share one server and stop it, so they run one at a time.
/// </summary>
public abstract class MailTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    protected TApp App => app;

    [Fact]
    public async Task SlaBreach_MailsTheLeadAndTheHandler_EachInTheirLanguage()
    {
        app.RequireDatabase();
        var token = Breaches.NewToken();
        var zh = await Breaches.AssignedCaseAsync(app, $"{token}-zh", app.Ids.AfterSales, "handler");
        var en = await Breaches.AssignedCaseAsync(app, $"{token}-en", app.Ids.Logistics, "handler2");

        await Breaches.BreachAsync(app);
        var pass = await Breaches.DeliverAsync(app);

        var mails = MailServer.MailAbout(token);
        // The lead of 售后服务部 and its handler (both zh-CN); Logistics has no lead, its handler reads English.
        Assert.Equal(["handler2@redress.example", "handler@redress.example", "lead@redress.example"], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal(m.To, m.EnvelopeTo));
        Assert.All(mails, m => Assert.Equal(MailSettings.From, m.From));
        var lead = mails.Single(m => m.To == "lead@redress.example");
        Assert.Equal($"[Redress] {zh.Number}：上报主管已超时", lead.Subject);
        Assert.StartsWith("张伟 Zhang Wei，您好：", lead.Text, StringComparison.Ordinal);
        Assert.Contains($"案件：Kettle lid cracked {token}-zh", lead.Text, StringComparison.Ordinal);
        Assert.Contains($"/cases/{zh.Id}", lead.Text, StringComparison.Ordinal);
        var handler2 = mails.Single(m => m.To == "handler2@redress.example");
        Assert.Equal($"[Redress] {en.Number}: report to supervisor overdue", handler2.Subject);
        Assert.StartsWith("Hello Emma Clark,", handler2.Text, StringComparison.Ordinal);
        Assert.Contains($"/cases/{en.Id}", handler2.Text, StringComparison.Ordinal);

        var rows = await RowsAboutAsync(token);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r.SentAt is not null && r.Attempts == 1 && r.FailedAt is null, $"{r.Recipient}: {r.LastError}"));
        Assert.True(pass.Sent >= 3);
    }

    [Fact]
    public async Task MailServerDown_NothingIsLost_AndEachMailArrivesOnceItIsBack()
    {
        app.RequireDatabase();
        var token = Breaches.NewToken();
        await Breaches.AssignedCaseAsync(app, token, app.Ids.AfterSales, "handler");
        await Breaches.BreachAsync(app);
        await MailServer.StopAsync();
        try
        {
            var down = await Breaches.DeliverAsync(app);

            Assert.Empty(MailServer.MailAbout(token));
            var rows = await RowsAboutAsync(token);
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.True(r.SentAt is null && r.FailedAt is null && r.Attempts == 1, $"{r.Recipient}: {r.Attempts} attempts, {r.LastError}"));
            Assert.All(rows, r => Assert.Contains("Cannot reach the mail server", r.LastError, StringComparison.Ordinal));
            Assert.All(rows, r => Assert.True(r.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime, "The retry waits."));
            Assert.True(down.Retrying >= 2);

            // Before the back-off has passed nothing is tried again.
            await Breaches.DeliverAsync(app);
            Assert.All(await RowsAboutAsync(token), r => Assert.Equal(1, r.Attempts));
        }
        finally
        {
            await MailServer.StartAsync();
        }
        app.Advance(TimeSpan.FromMinutes(1));
        await Breaches.DeliverAsync(app);
        app.Advance(TimeSpan.FromMinutes(10));
        await Breaches.DeliverAsync(app);

        var mails = MailServer.MailAbout(token);
        Assert.Equal(["handler@redress.example", "lead@redress.example"], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await RowsAboutAsync(token), r => Assert.True(r.SentAt is not null && r.Attempts == 2, $"{r.Recipient}: {r.Attempts} attempts"));
    }

    [Fact]
    public async Task MailServerDown_APassStopsAfterOneBatchThatSentNothing_AndTheRestGoesOutLater()
    {
        app.RequireDatabase();
        var token = Breaches.NewToken();
        await QueueMailAsync(app, token, 120);
        await MailServer.StopAsync();
        DeliverOutbox.Pass down;
        try
        {
            down = await Breaches.DeliverAsync(app);
        }
        finally
        {
            await MailServer.StartAsync();
        }

        // One batch (50) was refused; the other 70 were not tried against a server known to be down.
        Assert.Equal(0, down.Sent);
        Assert.InRange(down.Retrying + down.Failed, 1, 50);
        var rows = await RowsAboutAsync(token);
        Assert.True(rows.Count(r => r.Attempts == 0) >= 70, $"{rows.Count(r => r.Attempts == 0)} untried");
        Assert.All(rows, r => Assert.Null(r.FailedAt));

        await Breaches.DeliverAsync(app);
        app.Advance(TimeSpan.FromMinutes(1));
        await Breaches.DeliverAsync(app);
        var mails = MailServer.MailAbout(token);
        Assert.Equal(120, mails.Count);
        Assert.Equal(120, mails.Select(m => m.Text.Trim()).Distinct().Count());
        Assert.All(await RowsAboutAsync(token), r => Assert.True(r.SentAt is not null && r.Attempts <= 2, $"{r.Body}: {r.Attempts} attempts"));
    }

    [Fact]
    public async Task TwoPassesAtOnce_SendEachMailOnce()
    {
        app.RequireDatabase();
        var token = Breaches.NewToken();
        await QueueMailAsync(app, token, 120);

        var passes = await Task.WhenAll(Breaches.DeliverAsync(app), Breaches.DeliverAsync(app));

        await AssertEachSentOnceAsync(token, 120, passes);
    }

    protected async Task AssertEachSentOnceAsync(string token, int count, IEnumerable<DeliverOutbox.Pass> passes)
    {
        var mails = MailServer.MailAbout(token);
        Assert.Equal(count, mails.Count);
        Assert.Equal(count, mails.Select(m => m.Text.Trim()).Distinct().Count());
        Assert.Equal(count, passes.Sum(p => p.Sent));
        Assert.All(await RowsAboutAsync(token), r => Assert.True(r.SentAt is not null && r.Attempts == 1, $"{r.Body}: {r.Attempts} attempts"));
    }

    /// <summary>Mail written straight into the outbox, as <see cref="Notifier"/> writes it, each with its own number.</summary>
    protected static Task QueueMailAsync(RedressApp app, string token, int count) => app.QueryAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        db.Outbox.AddRange(Enumerable.Range(1, count).Select(i => new OutboxMessage
        {
            Channel = DeliveryChannel.Email, Recipient = "lead@redress.example", Subject = $"[Redress] Test {i}",
            Body = $"Mail {i} of {token}", CreatedAt = now, NextAttemptAt = now,
        }));
        return await db.SaveChangesAsync(Test.Ct);
    });

    protected Task<List<OutboxMessage>> RowsAboutAsync(string token) =>
        app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Body.Contains(token)).ToListAsync(Test.Ct));
}

[Collection(MailServer.Collection)]
public sealed class MailOnSqlite(MailingSqliteApp app) : MailTests<MailingSqliteApp>(app);

[Collection(MailServer.Collection)]
public sealed class MailOnPostgres(MailingPostgresApp app) : MailTests<MailingPostgresApp>(app)
{
    /// <summary>Two instances behind a load balancer, both running the dispatcher on one database.</summary>
    [Fact]
    public async Task TwoHostsOnOneDatabase_DeliveringAtOnce_SendEachMailOnce()
    {
        App.RequireDatabase();
        await using var second = new MailingPostgresApp { SharedDatabase = new PostgresDatabase("(shared)", App.ConnectionString), Clock = App.Clock };
        await second.InitializeAsync();
        var token = Breaches.NewToken();
        await QueueMailAsync(App, token, 300);

        var passes = await Task.WhenAll(
            Breaches.DeliverAsync(App), Breaches.DeliverAsync(second), Breaches.DeliverAsync(App), Breaches.DeliverAsync(second));

        await AssertEachSentOnceAsync(token, 300, passes);
        Assert.All(passes, p => Assert.Equal(0, p.Retrying + p.Failed));
    }
}
