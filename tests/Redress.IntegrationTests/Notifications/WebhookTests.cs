using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Features.Notifications;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>
/// R-SLA-4: signed webhooks for SMS and instant-messaging gateways, retried until a 2xx. These hosts have no SMTP
/// host, so they also show what becomes of mail when email is off.
/// </summary>
public abstract class WebhookTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task SlaBreach_PostsTheEvent_SignedWithTheSubscriptionsSecret()
    {
        app.RequireDatabase();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await SubscribeAsync(receiver, "SlaBreached,SlaEscalated");
        try
        {
            var c = await Breaches.AssignedCaseAsync(app, Breaches.NewToken(), app.Ids.AfterSales, "handler");
            await Breaches.BreachAsync(app);
            await Breaches.DeliverAsync(app);

            var call = Assert.Single(receiver.CallsContaining(c.Number));
            Assert.True(call.SignatureValid, "The receiver verified the signature.");
            Assert.Equal("SlaBreached", call.Event);
            Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(), call.Timestamp);
            Assert.Equal("application/json; charset=utf-8", call.ContentType);
            using var body = JsonDocument.Parse(call.Body);
            Assert.Equal("SlaBreached", body.RootElement.GetProperty("event").GetString());
            Assert.Equal(c.Number, body.RootElement.GetProperty("caseNumber").GetString());
            Assert.Equal("SupervisorReport", body.RootElement.GetProperty("detail").GetString());
            Assert.Equal(new[] { app.Ids.UserId("lead"), app.Ids.UserId("handler") }.Order(StringComparer.Ordinal),
                body.RootElement.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
            var row = await RowAsync(long.Parse(call.Delivery, CultureInfo.InvariantCulture));
            Assert.Equal(Breaches.Invariant(hook), row.Recipient);
            Assert.True(row.SentAt is not null && row.Attempts == 1, row.LastError);
        }
        finally
        {
            await DeactivateAsync(hook);
        }
    }

    [Fact]
    public async Task ReceiverFailingFirst_IsRetriedAfterTheBackOff_AndDeliveredOnce()
    {
        app.RequireDatabase();
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var hook = await SubscribeAsync(receiver, "");
        try
        {
            var token = Breaches.NewToken();
            var id = await QueueCallAsync(hook, token);

            await Breaches.DeliverAsync(app);
            var failed = await RowAsync(id);
            Assert.True(failed.SentAt is null && failed.FailedAt is null && failed.Attempts == 1);
            Assert.Contains("answered 500", failed.LastError, StringComparison.Ordinal);
            Assert.InRange(failed.NextAttemptAt - app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36));

            await Breaches.DeliverAsync(app);
            Assert.Single(receiver.CallsContaining(token));
            app.Advance(TimeSpan.FromMinutes(1));
            await Breaches.DeliverAsync(app);
            app.Advance(TimeSpan.FromMinutes(10));
            await Breaches.DeliverAsync(app);

            var calls = receiver.CallsContaining(token);
            Assert.Equal(2, calls.Count);
            Assert.All(calls, c => Assert.True(c.SignatureValid));
            Assert.All(calls, c => Assert.Equal(Breaches.Invariant(id), c.Delivery));
            Assert.True(calls[1].Timestamp >= calls[0].Timestamp + 60, "Each attempt is signed at its own time.");
            var sent = await RowAsync(id);
            Assert.True(sent.SentAt is not null && sent.Attempts == 2);
        }
        finally
        {
            await DeactivateAsync(hook);
        }
    }

    [Fact]
    public async Task DeletedOrInactiveSubscription_IsGivenUp_SayingWhy()
    {
        app.RequireDatabase();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await SubscribeAsync(receiver, "");
        var token = Breaches.NewToken();
        var toInactive = await QueueCallAsync(hook, token);
        var toDeleted = await QueueCallAsync(int.MaxValue, token);
        await DeactivateAsync(hook);

        await Breaches.DeliverAsync(app);

        Assert.Empty(receiver.Calls);
        var (inactive, deleted) = (await RowAsync(toInactive), await RowAsync(toDeleted));
        Assert.True(inactive.FailedAt is not null && inactive.SentAt is null && inactive.Attempts == 1);
        Assert.Contains("is inactive", inactive.LastError, StringComparison.Ordinal);
        Assert.True(deleted.FailedAt is not null && deleted.SentAt is null);
        Assert.Contains("no longer exists", deleted.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnSmtpHost_MailIsGivenUpAtOnce_SayingWhy()
    {
        app.RequireDatabase();
        var token = Breaches.NewToken();
        await Breaches.AssignedCaseAsync(app, token, app.Ids.AfterSales, "handler");
        await Breaches.BreachAsync(app);

        await Breaches.DeliverAsync(app);

        var mails = await app.QueryAsync(db => db.Outbox.AsNoTracking()
            .Where(m => m.Channel == DeliveryChannel.Email && m.Body.Contains(token)).ToListAsync(Test.Ct));
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.True(m.FailedAt is not null && m.SentAt is null && m.Attempts == 1 && m.LastError == MailSender.OffReason));
        var bell = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == app.Ids.UserId("lead") && n.Event == NotificationEvent.SlaBreached, Test.Ct));
        Assert.True(bell > 0, "The bell still has the news.");
    }

    private Task<int> SubscribeAsync(WebhookReceiver receiver, string events) => app.QueryAsync(async db =>
    {
        var hook = new WebhookSubscription { Name = "Test gateway", Url = receiver.Url, Secret = receiver.Secret, Events = events };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(Test.Ct);
        return hook.Id;
    });

    /// <summary>Later tests' events must not reach a receiver that is gone.</summary>
    private Task<int> DeactivateAsync(int hook) => app.QueryAsync(async db =>
    {
        (await db.Webhooks.SingleAsync(w => w.Id == hook, Test.Ct)).Active = false;
        return await db.SaveChangesAsync(Test.Ct);
    });

    private Task<long> QueueCallAsync(int hook, string token) => app.QueryAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var call = new OutboxMessage
        {
            Channel = DeliveryChannel.Webhook, Recipient = Breaches.Invariant(hook), CreatedAt = now, NextAttemptAt = now,
            Body = JsonSerializer.Serialize(new { @event = "SlaBreached", caseNumber = token, at = now }),
        };
        db.Outbox.Add(call);
        await db.SaveChangesAsync(Test.Ct);
        return call.Id;
    });

    private Task<OutboxMessage> RowAsync(long id) => app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, Test.Ct));
}

public sealed class WebhooksOnSqlite(MaillessSqliteApp app) : WebhookTests<MaillessSqliteApp>(app);

public sealed class WebhooksOnPostgres(MaillessPostgresApp app) : WebhookTests<MaillessPostgresApp>(app);
