namespace Redress.Features.Notifications;

/// <summary>What people can be told about (R-SLA-4); each user chooses per event and channel.</summary>
public enum NotificationEvent
{
    SlaWarning,
    SlaBreached,
    SlaEscalated,
    CaseAssigned,
    ApprovalRequested,
    ExtensionRequested,
    /// <summary>群体投诉: enough customers on one product or batch opened an incident (ADR 0011).</summary>
    IncidentOpened,
}

/// <summary>An in-app notification: the bell. Rendered in the reader's language when shown.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationEvent Event { get; set; }
    public long? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    /// <summary>What the event is about beyond the case, e.g. the SLA target.</summary>
    public string? Detail { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum DeliveryChannel
{
    Email,
    Webhook,
}

/// <summary>
/// A message to send, written in the same transaction as the event it tells of, and sent by
/// <see cref="OutboxDispatcher"/> with retries: when the mail server is down nothing is lost.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public DeliveryChannel Channel { get; set; }
    /// <summary>An email address, or the id of a <see cref="WebhookSubscription"/>.</summary>
    public string Recipient { get; set; } = "";
    public string? Subject { get; set; }
    /// <summary>The mail's text, or the webhook's JSON body.</summary>
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Given up after too many attempts (kept, with the last error, for an administrator to see).</summary>
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>An administrator dropped it (it stays given up, and says who did it and when).</summary>
    public DateTime? DiscardedAt { get; set; }
    public string? DiscardedBy { get; set; }
    /// <summary>The last time an administrator sent it again by hand ("retry now"), and who.</summary>
    public DateTime? RequeuedAt { get; set; }
    public string? RequeuedBy { get; set; }
}

/// <summary>A user's choice for one event; without a row the defaults of <see cref="NotificationDefaults"/> apply.</summary>
public sealed class NotificationPreference
{
    public string UserId { get; set; } = "";
    public NotificationEvent Event { get; set; }
    public bool Email { get; set; }
    public bool InApp { get; set; }
}

/// <summary>A gateway (SMS, instant messaging) that receives events as signed HTTP POSTs.</summary>
public sealed class WebhookSubscription
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>The HMAC-SHA256 key the receiver verifies signatures with.</summary>
    public string Secret { get; set; } = "";
    /// <summary>Events sent, comma separated; empty means all.</summary>
    public string Events { get; set; } = "";
    public bool Active { get; set; } = true;
    /// <summary>When the secret was generated (created or rotated); null for rows written before this was kept.</summary>
    public DateTime? SecretSetAt { get; set; }

    public bool Wants(NotificationEvent e) =>
        Active && (Events.Length == 0 || Events.Split(',', StringSplitOptions.TrimEntries).Contains(e.ToString()));
}

public static class NotificationDefaults
{
    /// <summary>Everything in the bell; mail only for what needs someone now.</summary>
    public static (bool Email, bool InApp) For(NotificationEvent e) =>
        (e is NotificationEvent.SlaBreached or NotificationEvent.SlaEscalated or NotificationEvent.ApprovalRequested or NotificationEvent.ExtensionRequested
            or NotificationEvent.IncidentOpened, true);
}
