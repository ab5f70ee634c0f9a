using System.Diagnostics;

namespace Redress.Bench.Load;

/// <summary>One kind of request the benchmark repeats: a name for the table, its kind (create, queue, search) and the k-th request.</summary>
internal sealed record Scenario(string Name, string Kind, Func<int, HttpRequestMessage> Request);

/// <summary>The figures of one scenario at one number of clients.</summary>
internal sealed record Measurement(
    string Scenario, string Kind, int Clients, int Requests, int Errors, double Seconds, double PerSecond,
    double P50, double P95, double P99, double ServerCpuMsPerRequest, string? FirstError);

/// <summary>
/// Closed-loop load: each client sends its next request when the previous answer has been read in full, for
/// a fixed time. Latency is measured around the whole exchange, as a caller sees it.
/// </summary>
internal sealed class HttpLoad(HttpClient http, ServerProcess server)
{
    public async Task<Measurement> RunAsync(Scenario scenario, int clients, TimeSpan duration)
    {
        var cpuBefore = server.CpuMilliseconds;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(() => ClientAsync(scenario, w, clients, stopAt))).ToArray();
        var results = await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = server.CpuMilliseconds - cpuBefore;
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var errors = results.Sum(r => r.Errors);
        var requests = latencies.Length;
        return new Measurement(scenario.Name, scenario.Kind, clients, requests, errors, seconds, requests / seconds,
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99),
            requests == 0 ? 0 : cpu / requests, results.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    private sealed record ClientResult(List<double> Latencies, int Errors, string? FirstError);

    private async Task<ClientResult> ClientAsync(Scenario scenario, int worker, int clients, long stopAt)
    {
        var latencies = new List<double>(4096);
        var errors = 0;
        string? firstError = null;
        for (var k = worker; Stopwatch.GetTimestamp() < stopAt; k += clients)
        {
            using var request = scenario.Request(k);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.IsSuccessStatusCode) continue;
                errors++;
                firstError ??= $"{(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}";
            }
            catch (HttpRequestException ex)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                errors++;
                firstError ??= ex.Message;
            }
        }
        return new ClientResult(latencies, errors, firstError);
    }

    /// <summary>Nearest rank: the smallest latency at or above which p% of the requests finished.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];
}
