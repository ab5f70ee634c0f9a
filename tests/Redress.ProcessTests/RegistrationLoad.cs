using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Redress.ProcessTests;

/// <summary>A case the server answered 2xx for: it promised the case is stored.</summary>
internal sealed record Acknowledged(long Id, string Number, string Subject, string Description, string CustomerName, string CustomerPhone);

/// <summary>
/// Several clients registering cases back to back, each with its own subject, description and customer, until
/// the server is killed under them. Only answers that arrived in full count as acknowledged.
/// </summary>
internal sealed class RegistrationLoad
{
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private volatile bool _killed;

    public IReadOnlyCollection<Acknowledged> Acknowledged => _acknowledged;

    /// <summary>Non-2xx answers, and failures before the kill: each is a server bug, not a crash effect.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    /// <summary>Runs <paramref name="clients"/> clients for <paramref name="load"/> (and until some cases are in), then SIGKILLs the server mid-stream.</summary>
    public async Task RunThenKillAsync(RedressServer server, HttpClient http, int clients, TimeSpan load, int minimumAcknowledged, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(1, clients).Select(c => Task.Run(() => ClientAsync(http, c, stop.Token), ct)).ToArray();
        var clock = Stopwatch.StartNew();
        while ((clock.Elapsed < load || _acknowledged.Count < minimumAcknowledged) && clock.Elapsed < TimeSpan.FromSeconds(60)
               && !workers.All(w => w.IsCompleted))
            await Task.Delay(50, ct);

        _killed = true;
        await server.KillAsync();
        // The clients find out by themselves (reset or refused connections); the token only bounds the wait.
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        await Task.WhenAll(workers);
    }

    private async Task ClientAsync(HttpClient http, int client, CancellationToken ct)
    {
        for (var n = 1; !ct.IsCancellationRequested; n++)
        {
            var subject = $"Durability {_run} c{client} #{n}";
            var description = $"第{n}号投诉 (run {_run}, client {client}): the kettle stopped heating after {n} days; 客户要求退款。";
            var name = $"客户 {_run}-{client}-{n}";
            var phone = $"+86 138 {client:00} {n.ToString("000000", CultureInfo.InvariantCulture)}";
            var body = new
            {
                channel = "Phone",
                subject,
                description,
                customer = new { name, phone },
                demand = "Refund",
            };
            try
            {
                using var response = await http.PostAsJsonAsync("api/v1/cases", body, ct);
                if (!response.IsSuccessStatusCode)
                {
                    _unexpected.Enqueue($"client {client} #{n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                    continue;
                }
                // PostAsJsonAsync buffers the whole answer, so a 2xx here is a complete promise.
                var created = await response.Content.ReadFromJsonAsync<CreatedCase>(ct);
                Assert.NotNull(created);
                _acknowledged.Enqueue(new Acknowledged(created.Id, created.Number, subject, description, name, phone));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                if (!_killed) _unexpected.Enqueue($"client {client} #{n} before the kill: {ex.GetType().Name}: {ex.Message}");
                return;
            }
        }
    }

    private sealed record CreatedCase(long Id, string Number);
}
