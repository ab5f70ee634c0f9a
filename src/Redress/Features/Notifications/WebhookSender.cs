using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Redress.Features.Notifications;

/// <summary>Section <c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>A gateway that has not answered by then has failed this attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// Posts webhook bodies to SMS and instant-messaging gateways, signed like Stripe's: the receiver recomputes
/// <c>sha256=hex(HMAC-SHA256(secret, "{X-Redress-Timestamp}.{body}"))</c>, compares it with X-Redress-Signature
/// in constant time and refuses old timestamps (replays). X-Redress-Delivery is the outbox id, the same on every
/// retry, so a receiver can drop a second copy. Any 2xx is delivered; anything else is retried.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    /// <summary>The named client: short timeout, no redirects (a gateway's URL is configured, not discovered).</summary>
    public const string ClientName = "Redress.Webhooks";

    public async IAsyncEnumerable<(OutboxMessage Message, DeliveryOutcome Outcome)> SendAsync(IReadOnlyList<OutboxMessage> calls,
        IReadOnlyDictionary<int, WebhookSubscription> subscriptions, [EnumeratorCancellation] CancellationToken ct)
    {
        var http = clients.CreateClient(ClientName);
        // A gateway that cannot be reached is not tried again in this batch: its other calls wait for their next attempt.
        var unreachable = new Dictionary<int, string>();
        foreach (var call in calls)
        {
            DeliveryOutcome outcome;
            if (!int.TryParse(call.Recipient, CultureInfo.InvariantCulture, out var id) || !subscriptions.TryGetValue(id, out var hook))
                outcome = DeliveryOutcome.GiveUp($"Webhook subscription {call.Recipient} no longer exists.");
            else if (!hook.Active)
                outcome = DeliveryOutcome.GiveUp($"Webhook subscription {id} ({hook.Name}) is inactive.");
            else if (unreachable.TryGetValue(id, out var error))
                outcome = DeliveryOutcome.Retry(error);
            else if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                // Retried rather than given up: an administrator who corrects the URL gets the backlog.
                outcome = DeliveryOutcome.Retry($"Webhook subscription {id} ({hook.Name}) has no absolute http(s) URL: '{hook.Url}'.");
            else
            {
                (outcome, var reached) = await PostAsync(http, url, call, hook.Secret, ct);
                if (!reached) unreachable[id] = outcome.Error!;
            }
            yield return (call, outcome);
        }
    }

    private async Task<(DeliveryOutcome Outcome, bool Reached)> PostAsync(HttpClient http, Uri url, OutboxMessage call, string secret, CancellationToken ct)
    {
        string eventName;
        try
        {
            eventName = JsonNode.Parse(call.Body)?["event"]?.GetValue<string>() ?? "";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (DeliveryOutcome.GiveUp($"The body is not the JSON of an event: {ex.Message}"), true);
        }
        // The time of this attempt, not of the event: receivers refuse stale timestamps.
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(call.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Redress-Event", eventName);
        request.Headers.Add("X-Redress-Delivery", call.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Redress-Timestamp", timestamp);
        request.Headers.Add("X-Redress-Signature", $"sha256={Sign(secret, timestamp, call.Body)}");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode
                ? (DeliveryOutcome.Delivered, true)
                : (DeliveryOutcome.Retry($"{url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}"), true);
        }
        catch (HttpRequestException ex)
        {
            return (DeliveryOutcome.Retry($"Cannot reach {url.GetLeftPart(UriPartial.Path)}: {ex.Message}"), false);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (DeliveryOutcome.Retry($"{url.GetLeftPart(UriPartial.Path)} did not answer within {http.Timeout.TotalSeconds:0} s"), false);
        }
    }

    /// <summary>Lower-case hex of HMAC-SHA256 over "{timestamp}.{body}", both UTF-8, keyed with the subscription's secret.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
