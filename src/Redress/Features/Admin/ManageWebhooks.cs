using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Features.Notifications;

namespace Redress.Features.Admin;

/// <param name="Events">What the gateway is sent; empty or none: every event.</param>
public sealed record WebhookInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, StringLength(500, MinimumLength = 1)] string Url,
    [property: MaxLength(20)] List<NotificationEvent>? Events);

/// <param name="Events">Empty: every event.</param>
/// <param name="SecretHint">The secret's last four characters, to tell which one a gateway holds; the secret itself is shown once.</param>
public sealed record WebhookItem(int Id, string Name, string Url, IReadOnlyList<NotificationEvent> Events, bool Active, string SecretHint, DateTime? SecretSetAt);

/// <summary>A subscription with its new secret: the only answer that carries it. The gateway needs it to check signatures.</summary>
public sealed record WebhookWithSecret(WebhookItem Subscription, string Secret);

/// <summary>
/// Webhook subscriptions for SMS and instant-messaging gateways (R-SLA-4), for the API and the /admin/webhooks
/// page alike. Secrets are generated here, never chosen, and shown only when created or rotated. A subscription is
/// disabled, not deleted: its deliveries stay readable, and messages queued for it are given up saying why.
/// </summary>
public sealed class ManageWebhooks(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public const int DeliveriesShown = 20;

    public async Task<List<WebhookItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return [.. (await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct)).Select(Item)];
    }

    public async Task<Result<WebhookItem>> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is { } hook ? Item(hook) : Error.NotFound("Webhook subscription");
    }

    public async Task<Result<WebhookWithSecret>> CreateAsync(WebhookInput input, CancellationToken ct)
    {
        if (CheckUrl(input.Url) is { } error) return error;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hook = new WebhookSubscription { Name = input.Name.Trim(), Url = input.Url.Trim(), Events = Events(input.Events) };
        var secret = NewSecret(hook);
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecret(Item(hook), secret);
    }

    /// <summary>Name, URL and events; the secret and whether it is active have their own actions.</summary>
    public Task<Result<WebhookItem>> UpdateAsync(int id, WebhookInput input, CancellationToken ct) =>
        CheckUrl(input.Url) is { } error ? Task.FromResult<Result<WebhookItem>>(error)
            : ChangeAsync(id, h => (h.Name, h.Url, h.Events) = (input.Name.Trim(), input.Url.Trim(), Events(input.Events)), ct);

    public Task<Result<WebhookItem>> SetActiveAsync(int id, bool active, CancellationToken ct) => ChangeAsync(id, h => h.Active = active, ct);

    /// <summary>
    /// A new secret at once: calls signed from now on use it, retries of earlier messages included, so the gateway
    /// must be given it before it refuses them (they are retried meanwhile, not lost).
    /// </summary>
    public async Task<Result<WebhookWithSecret>> RotateSecretAsync(int id, CancellationToken ct)
    {
        string? secret = null;
        var changed = await ChangeAsync(id, h => secret = NewSecret(h), ct);
        return changed.IsSuccess ? new WebhookWithSecret(changed.Value, secret!) : changed.Error!;
    }

    /// <summary>
    /// A call of the event <see cref="TestEvent"/> through the outbox, as real events go: after setting up a gateway,
    /// its deliveries show whether the URL answers and the signature is accepted. Sent to a disabled subscription too,
    /// which gives it up saying so.
    /// </summary>
    public async Task<Result<OutboxItem>> SendTestAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Webhooks.AnyAsync(w => w.Id == id, ct)) return Error.NotFound("Webhook subscription");
        var now = clock.GetUtcNow().UtcDateTime;
        var call = new OutboxMessage
        {
            Channel = DeliveryChannel.Webhook, Recipient = id.ToString(CultureInfo.InvariantCulture), CreatedAt = now, NextAttemptAt = now,
            Body = System.Text.Json.JsonSerializer.Serialize(new { @event = TestEvent, at = now }),
        };
        db.Outbox.Add(call);
        await db.SaveChangesAsync(ct);
        return OutboxItems.Item(call);
    }

    /// <summary>The event name of <see cref="SendTestAsync"/>'s calls, which a gateway can answer without sending anything on.</summary>
    public const string TestEvent = "Test";

    /// <summary>The subscription's latest calls, newest first, with where each stands (IX_Outbox_WebhookRecipient).</summary>
    public async Task<Result<List<OutboxItem>>> DeliveriesAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Webhooks.AnyAsync(w => w.Id == id, ct)) return Error.NotFound("Webhook subscription");
        var recipient = id.ToString(CultureInfo.InvariantCulture);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Channel == DeliveryChannel.Webhook && m.Recipient == recipient)
            .OrderByDescending(m => m.Id).Take(DeliveriesShown).Select(OutboxItems.Select).ToListAsync(ct);
        return rows.Select(OutboxItems.Item).ToList();
    }

    private async Task<Result<WebhookItem>> ChangeAsync(int id, Action<WebhookSubscription> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var hook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (hook is null) return Error.NotFound("Webhook subscription");
        change(hook);
        await db.SaveChangesAsync(ct);
        return Item(hook);
    }

    /// <summary>Absolute http(s) with a host: the sender posts nowhere else (and follows no redirects).</summary>
    private static Error? CheckUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && uri.UserInfo.Length == 0
            ? null
            : Error.Invalid("bad_url", "The URL must be an absolute http:// or https:// address, without a user name or password in it.", "url");

    /// <summary>256 random bits, as hex: HMAC-SHA256's own key size.</summary>
    private string NewSecret(WebhookSubscription hook)
    {
        hook.Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        hook.SecretSetAt = clock.GetUtcNow().UtcDateTime;
        return hook.Secret;
    }

    private static string Events(List<NotificationEvent>? events) => string.Join(',', (events ?? []).Distinct().Order());

    private static WebhookItem Item(WebhookSubscription h) => new(h.Id, h.Name, h.Url,
        [.. h.Events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => Enum.TryParse<NotificationEvent>(e, out var v) ? v : (NotificationEvent?)null).OfType<NotificationEvent>()],
        h.Active, h.Secret.Length >= 4 ? h.Secret[^4..] : "", h.SecretSetAt);
}
