using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>
/// A gateway for the tests: Kestrel on a free loopback port that verifies each call's signature as a real receiver
/// would (its own HMAC, compared in constant time) and answers with the statuses it was given, then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly ConcurrentQueue<int> _answers;

    private WebhookReceiver(WebApplication host, IEnumerable<int> answers) => (_host, _answers) = (host, new(answers));

    /// <summary>Set to the secret Redress generated, for subscriptions made through the API.</summary>
    public string Secret { get; set; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    public string Url { get; private set; } = "";
    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), answers);
        receiver._host.MapPost("/gateway", receiver.ReceiveAsync);
        await receiver._host.StartAsync(Test.Ct);
        receiver.Url = $"{receiver._host.Urls.Single()}/gateway";
        return receiver;
    }

    public List<ReceivedCall> CallsContaining(string text) => [.. Calls.Where(c => c.Body.Contains(text, StringComparison.Ordinal))];

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = request.Headers["X-Redress-Timestamp"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        var signed = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(request.Headers["X-Redress-Signature"].ToString()), Encoding.UTF8.GetBytes(expected));
        Calls.Enqueue(new ReceivedCall(request.Headers["X-Redress-Event"].ToString(), request.Headers["X-Redress-Delivery"].ToString(),
            long.Parse(timestamp, CultureInfo.InvariantCulture), body, signed, request.ContentType));
        if (!signed) return Results.Unauthorized();
        return Results.StatusCode(_answers.TryDequeue(out var status) ? status : StatusCodes.Status200OK);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
    }
}

/// <param name="SignatureValid">Whether X-Redress-Signature is the HMAC of "{timestamp}.{body}" with the secret.</param>
public sealed record ReceivedCall(string Event, string Delivery, long Timestamp, string Body, bool SignatureValid, string? ContentType);
