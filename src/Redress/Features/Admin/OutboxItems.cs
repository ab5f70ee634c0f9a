using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Redress.Features.Notifications;

namespace Redress.Features.Admin;

/// <summary>Where an outbox message stands, as an administrator reads it.</summary>
public enum DeliveryState
{
    /// <summary>Not tried yet.</summary>
    Pending,
    /// <summary>Tried and failed; the dispatcher tries again at NextAttemptAt.</summary>
    Retrying,
    Sent,
    /// <summary>Not sent, and no longer tried: too many attempts, or a refusal retrying cannot help.</summary>
    GivenUp,
    /// <summary>Given up, and an administrator chose not to send it.</summary>
    Discarded,
}

/// <param name="Event">The webhook call's event (from its JSON body); null for mail, which has a <paramref name="Subject"/>.</param>
public sealed record OutboxItem(
    long Id, DeliveryChannel Channel, string Recipient, string? Subject, string? Event, DeliveryState State, int Attempts,
    string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, DateTime? FailedAt,
    DateTime? DiscardedAt, string? DiscardedBy, DateTime? RequeuedAt, string? RequeuedBy);

/// <summary>The projection both the failed messages and a subscription's deliveries read: one row, no mail body.</summary>
public static class OutboxItems
{
    public sealed record Row(long Id, DeliveryChannel Channel, string Recipient, string? Subject, string? WebhookBody, int Attempts,
        string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, DateTime? FailedAt,
        DateTime? DiscardedAt, string? DiscardedBy, DateTime? RequeuedAt, string? RequeuedBy);

    public static readonly Expression<Func<OutboxMessage, Row>> Select = m => new Row(m.Id, m.Channel, m.Recipient, m.Subject,
        m.Channel == DeliveryChannel.Webhook ? m.Body : null, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt,
        m.FailedAt, m.DiscardedAt, m.DiscardedBy, m.RequeuedAt, m.RequeuedBy);

    public static OutboxItem Item(Row r) => new(r.Id, r.Channel, r.Recipient, r.Subject, EventOf(r.WebhookBody), StateOf(r.SentAt, r.FailedAt, r.DiscardedAt, r.Attempts),
        r.Attempts, r.LastError, r.CreatedAt, r.NextAttemptAt, r.SentAt, r.FailedAt, r.DiscardedAt, r.DiscardedBy, r.RequeuedAt, r.RequeuedBy);

    private static readonly Func<OutboxMessage, Row> ToRow = Select.Compile();

    public static OutboxItem Item(OutboxMessage m) => Item(ToRow(m));

    public static DeliveryState StateOf(DateTime? sentAt, DateTime? failedAt, DateTime? discardedAt, int attempts) =>
        sentAt is not null ? DeliveryState.Sent
        : discardedAt is not null ? DeliveryState.Discarded
        : failedAt is not null ? DeliveryState.GivenUp
        : attempts > 0 ? DeliveryState.Retrying
        : DeliveryState.Pending;

    private static string? EventOf(string? body)
    {
        if (body is null) return null;
        try
        {
            return JsonNode.Parse(body)?["event"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The sender gives such a body up with its reason; here it just has no event to show.
            return null;
        }
    }
}
