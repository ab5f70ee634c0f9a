using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Features.Admin;
using Redress.Features.Notifications;
using Redress.IntegrationTests.Infrastructure;
using Redress.IntegrationTests.Notifications;

namespace Redress.IntegrationTests.Admin;

/// <summary>
/// Webhook subscriptions and failed outbox messages administered through the API (issue 4's administration), with a
/// real receiver that checks signatures and the dispatcher's pass run by the test.
/// </summary>
public abstract class DeliveryAdminTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Hooks = "/api/v1/admin/webhooks";
    private const string Outbox = "/api/v1/admin/outbox";

    [Fact]
    public async Task ASubscription_ShowsItsGeneratedSecretOnce_AndCallsAreSignedWithIt_AndWithTheRotatedOne()
    {
        var admin = await app.SignInAsync("admin");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Expect.JsonAsync<WebhookWithSecret>(
            await admin.PostAsync(Hooks, new WebhookInput("SMS gateway", receiver.Url, [NotificationEvent.SlaBreached])), HttpStatusCode.Created);
        var hook = created.Subscription;
        try
        {
            Assert.Equal(64, created.Secret.Length);
            Assert.Equal(created.Secret[^4..], hook.SecretHint);
            Assert.Equal([NotificationEvent.SlaBreached], hook.Events);
            var listed = await admin.GetAsync(Hooks);
            Assert.DoesNotContain(created.Secret, await listed.Content.ReadAsStringAsync(Test.Ct), StringComparison.Ordinal);
            Assert.Equal((hook.Name, hook.SecretHint, true), (await Expect.JsonAsync<List<WebhookItem>>(listed)).Single(h => h.Id == hook.Id) is var l ? (l.Name, l.SecretHint, l.Active) : default);

            receiver.Secret = created.Secret;
            var first = await QueueCallAsync(hook.Id);
            await Breaches.DeliverAsync(app);
            var rotated = await Expect.JsonAsync<WebhookWithSecret>(await admin.PostAsync($"{Hooks}/{hook.Id}/rotate-secret", null));
            Assert.NotEqual(created.Secret, rotated.Secret);
            Assert.Equal(rotated.Secret[^4..], rotated.Subscription.SecretHint);
            var second = await QueueCallAsync(hook.Id);
            await Breaches.DeliverAsync(app);

            // The receiver still holds the old secret: the call signed with the new one is refused, and retried.
            Assert.True(receiver.CallsContaining(first.Token).Single().SignatureValid);
            Assert.False(receiver.CallsContaining(second.Token).Single().SignatureValid);
            receiver.Secret = rotated.Secret;
            app.Advance(TimeSpan.FromMinutes(2));
            await Breaches.DeliverAsync(app);
            Assert.True(receiver.CallsContaining(second.Token)[^1].SignatureValid);

            var deliveries = await admin.GetJsonAsync<List<OutboxItem>>($"{Hooks}/{hook.Id}/deliveries");
            Assert.Equal([second.Id, first.Id], deliveries.Select(d => d.Id));
            Assert.All(deliveries, d => Assert.Equal((DeliveryState.Sent, "SlaBreached", DeliveryChannel.Webhook), (d.State, d.Event, d.Channel)));
            Assert.Equal(2, deliveries[0].Attempts);
            Assert.Contains("answered 401", deliveries[0].LastError, StringComparison.Ordinal);
        }
        finally
        {
            await admin.PostAsync($"{Hooks}/{hook.Id}/disable", null);
        }
    }

    [Fact]
    public async Task ADisabledSubscription_GetsNoCalls_UntilEnabled_AndItsUrlAndEventsCanBeChanged()
    {
        var admin = await app.SignInAsync("admin");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Expect.JsonAsync<WebhookWithSecret>(await admin.PostAsync(Hooks, new WebhookInput("IM", "https://im.example/hook", null)), HttpStatusCode.Created);
        var id = created.Subscription.Id;
        receiver.Secret = created.Secret;
        var edited = await Expect.JsonAsync<WebhookItem>(await SendAsync(admin, HttpMethod.Put, $"{Hooks}/{id}",
            new WebhookInput("IM bot", receiver.Url, [NotificationEvent.SlaEscalated, NotificationEvent.SlaBreached])));
        Assert.Equal(("IM bot", receiver.Url), (edited.Name, edited.Url));
        Assert.Equal([NotificationEvent.SlaBreached, NotificationEvent.SlaEscalated], edited.Events);

        var disabled = await Expect.JsonAsync<WebhookItem>(await admin.PostAsync($"{Hooks}/{id}/disable", null));
        Assert.False(disabled.Active);
        var refused = await QueueCallAsync(id);
        await Breaches.DeliverAsync(app);
        Assert.Empty(receiver.CallsContaining(refused.Token));
        var givenUp = (await admin.GetJsonAsync<List<OutboxItem>>($"{Hooks}/{id}/deliveries")).Single();
        Assert.Equal(DeliveryState.GivenUp, givenUp.State);
        Assert.Contains("is inactive", givenUp.LastError, StringComparison.Ordinal);

        Assert.True((await Expect.JsonAsync<WebhookItem>(await admin.PostAsync($"{Hooks}/{id}/enable", null))).Active);
        var sent = await QueueCallAsync(id);
        await Breaches.DeliverAsync(app);
        Assert.True(receiver.CallsContaining(sent.Token).Single().SignatureValid);
        await admin.PostAsync($"{Hooks}/{id}/disable", null);
    }

    [Fact]
    public async Task ATestCall_GoesOutSigned_AndShowsInTheDeliveries()
    {
        var admin = await app.SignInAsync("admin");
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Expect.JsonAsync<WebhookWithSecret>(await admin.PostAsync(Hooks, new WebhookInput("Ping me", receiver.Url, [NotificationEvent.CaseAssigned])), HttpStatusCode.Created);
        receiver.Secret = created.Secret;
        var id = created.Subscription.Id;

        var queued = await Expect.JsonAsync<OutboxItem>(await admin.PostAsync($"{Hooks}/{id}/test", null), HttpStatusCode.Accepted);
        Assert.Equal((DeliveryState.Pending, ManageWebhooks.TestEvent), (queued.State, queued.Event));
        await Breaches.DeliverAsync(app);

        var call = Assert.Single(receiver.Calls);
        Assert.Equal((ManageWebhooks.TestEvent, Breaches.Invariant(queued.Id), true), (call.Event, call.Delivery, call.SignatureValid));
        var delivery = Assert.Single(await admin.GetJsonAsync<List<OutboxItem>>($"{Hooks}/{id}/deliveries"));
        Assert.Equal((queued.Id, DeliveryState.Sent, 1), (delivery.Id, delivery.State, delivery.Attempts));
        await admin.PostAsync($"{Hooks}/{id}/disable", null);
    }

    [Theory]
    [InlineData("""{"name":"x","url":"ftp://files.example/hook"}""", "bad_url", "url")]
    [InlineData("""{"name":"x","url":"/relative/hook"}""", "bad_url", "url")]
    [InlineData("""{"name":"x","url":"https://user:pw@gw.example/hook"}""", "bad_url", "url")]
    [InlineData("""{"name":"","url":"https://gw.example/hook"}""", null, "name")]
    [InlineData("""{"name":"x","url":"https://gw.example/hook","events":["NoSuchEvent"]}""", "unreadable_request", null)]
    public async Task ABadSubscription_IsA400Problem_AndNothingIsCreated(string body, string? code, string? field)
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.QueryAsync(db => db.Webhooks.CountAsync(Test.Ct));

        var problem = await Expect.ProblemAsync(await admin.PostRawAsync(Hooks, body), HttpStatusCode.BadRequest);

        if (code is not null) Assert.Equal(code, problem.Code);
        if (field is not null) Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(before, await app.QueryAsync(db => db.Webhooks.CountAsync(Test.Ct)));
    }

    [Fact]
    public async Task UnknownSubscriptions_Are404_AndOtherRolesAre403()
    {
        var admin = await app.SignInAsync("admin");
        foreach (var path in new[] { $"{Hooks}/999999", $"{Hooks}/999999/deliveries" })
            Assert.Equal("not_found", (await Expect.ProblemAsync(await admin.GetAsync(path), HttpStatusCode.NotFound)).Code);
        await Expect.ProblemAsync(await admin.PostAsync($"{Hooks}/999999/rotate-secret", null), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await admin.PostAsync($"{Hooks}/999999/test", null), HttpStatusCode.NotFound);
        var lead = await app.SignInAsync("lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(Hooks)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync(Hooks, new WebhookInput("x", "https://gw.example", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"{Outbox}/failed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync($"{Outbox}/retry", new OutboxIdsInput([1]))).StatusCode);
    }

    [Fact]
    public async Task FailedMessages_AreListedWithTheirError_RetriedNowOrDiscarded_AndWhoDidItIsRecorded()
    {
        var admin = await app.SignInAsync("admin");
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var created = await Expect.JsonAsync<WebhookWithSecret>(await admin.PostAsync(Hooks, new WebhookInput("Flaky", receiver.Url, null)), HttpStatusCode.Created);
        receiver.Secret = created.Secret;
        var id = created.Subscription.Id;
        try
        {
            var retrying = await QueueCallAsync(id);
            await Breaches.DeliverAsync(app);
            await admin.PostAsync($"{Hooks}/{id}/disable", null);
            var (toRetry, toDiscard) = (await QueueCallAsync(id), await QueueCallAsync(id));
            await Breaches.DeliverAsync(app);

            var failing = await admin.GetJsonAsync<FailedMessageList>($"{Outbox}/failed?state=Retrying&channel=Webhook");
            var item = failing.Items.Single(m => m.Id == retrying.Id);
            Assert.Equal((DeliveryState.Retrying, 1), (item.State, item.Attempts));
            Assert.Contains("answered 500", item.LastError, StringComparison.Ordinal);
            var givenUp = await admin.GetJsonAsync<FailedMessageList>($"{Outbox}/failed?limit=1");
            Assert.Equal(toDiscard.Id, Assert.Single(givenUp.Items).Id);
            var next = await admin.GetJsonAsync<FailedMessageList>($"{Outbox}/failed?limit=1&before={givenUp.NextBefore}");
            Assert.Equal((toRetry.Id, DeliveryState.GivenUp), (next.Items[0].Id, next.Items[0].State));

            var discarded = await Expect.JsonAsync<List<OutboxItem>>(await admin.PostAsync($"{Outbox}/discard", new OutboxIdsInput([toDiscard.Id])));
            Assert.Equal((DeliveryState.Discarded, "Admin"), (discarded[0].State, discarded[0].DiscardedBy));
            await admin.PostAsync($"{Hooks}/{id}/enable", null);
            var retried = await Expect.JsonAsync<List<OutboxItem>>(await admin.PostAsync($"{Outbox}/retry", new OutboxIdsInput([toRetry.Id, retrying.Id])));
            Assert.All(retried, m => Assert.Equal((DeliveryState.Pending, 0, app.Clock.GetUtcNow().UtcDateTime), (m.State, m.Attempts, m.NextAttemptAt)));
            Assert.All(retried, m => Assert.NotNull(m.RequeuedBy));
            await Breaches.DeliverAsync(app);

            Assert.Single(receiver.CallsContaining(toRetry.Token), c => c.SignatureValid);
            Assert.Empty(receiver.CallsContaining(toDiscard.Token));
            Assert.DoesNotContain((await admin.GetJsonAsync<FailedMessageList>($"{Outbox}/failed")).Items, m => m.Id == toDiscard.Id || m.Id == toRetry.Id);
            var row = await app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == toDiscard.Id, Test.Ct));
            Assert.True(row.SentAt is null && row.FailedAt is not null && row.DiscardedAt is not null);

            // Sent, discarded, unknown and empty requests change nothing.
            Assert.Equal("already_sent", (await Expect.ProblemAsync(await admin.PostAsync($"{Outbox}/retry", new OutboxIdsInput([toRetry.Id])), HttpStatusCode.Conflict)).Code);
            Assert.Equal("discarded", (await Expect.ProblemAsync(await admin.PostAsync($"{Outbox}/retry", new OutboxIdsInput([toDiscard.Id])), HttpStatusCode.Conflict)).Code);
            Assert.Equal("not_found", (await Expect.ProblemAsync(await admin.PostAsync($"{Outbox}/discard", new OutboxIdsInput([long.MaxValue])), HttpStatusCode.NotFound)).Code);
            Assert.Contains("ids", (await Expect.ProblemAsync(await admin.PostAsync($"{Outbox}/retry", new OutboxIdsInput([])), HttpStatusCode.BadRequest)).Errors!.Keys);
            Assert.Contains("limit", (await Expect.ProblemAsync(await admin.GetAsync($"{Outbox}/failed?limit=500"), HttpStatusCode.BadRequest)).Errors!.Keys);
        }
        finally
        {
            await admin.PostAsync($"{Hooks}/{id}/disable", null);
        }
    }

    private sealed record Queued(long Id, string Token);

    /// <summary>A webhook call as the notifier writes one, with a token of its own to find it at the receiver.</summary>
    private Task<Queued> QueueCallAsync(int hook) => app.QueryAsync(async db =>
    {
        var (now, token) = (app.Clock.GetUtcNow().UtcDateTime, Breaches.NewToken());
        var call = new OutboxMessage
        {
            Channel = DeliveryChannel.Webhook, Recipient = Breaches.Invariant(hook), CreatedAt = now, NextAttemptAt = now,
            Body = JsonSerializer.Serialize(new { @event = "SlaBreached", caseNumber = token, at = now }),
        };
        db.Outbox.Add(call);
        await db.SaveChangesAsync(Test.Ct);
        return new Queued(call.Id, token);
    });

    private static Task<HttpResponseMessage> SendAsync(ApiClient client, HttpMethod method, string path, object body) =>
        client.Http.SendAsync(new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body, options: Json.Options) }, Test.Ct);
}

public sealed class DeliveryAdminOnSqlite(MaillessSqliteApp app) : DeliveryAdminTests<MaillessSqliteApp>(app);

public sealed class DeliveryAdminOnPostgres(MaillessPostgresApp app) : DeliveryAdminTests<MaillessPostgresApp>(app);
