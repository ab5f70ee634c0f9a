using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Redress.Bench.Seeding;

namespace Redress.Bench.Load;

/// <summary>
/// <c>load</c>: measures a running server on a seeded database over HTTP. Each scenario is warmed up with 8
/// clients, then measured with 1 and with 8; reads run before creates so they see the seeded data as it was.
/// </summary>
internal static class LoadCommand
{
    private static readonly int[] ClientCounts = [1, 8];

    public static async Task<int> RunAsync(Args args)
    {
        var url = args.Require("url").TrimEnd('/');
        var server = new ServerProcess(args.Int("pid", 0));
        var seconds = args.Int("duration", 30);
        var duration = TimeSpan.FromSeconds(seconds);
        var warmup = TimeSpan.FromSeconds(Math.Clamp(seconds / 3.0, 1, 10));
        var seed = JsonSerializer.Deserialize<SeedInfo>(await File.ReadAllTextAsync(args.Require("info")), SeedInfo.Json)!;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var agent = await SignInAsync(http, "agent");
        var lead = await SignInAsync(http, "lead");
        var departments = await CodesAsync(http, agent, "/api/v1/departments");
        var categories = await CodesAsync(http, agent, "/api/v1/categories");
        // Enough distinct complaints for the create runs at up to 1,500/s (the warm-up's, then each client count's)
        // and, apart, for wrk's; past that a body is sent again and the figure includes that duplicate's cost.
        var bodySeed = args.Int("seed", (int)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % int.MaxValue));
        var perRun = (int)(1_500 * (warmup.TotalSeconds + seconds * ClientCounts.Length));
        var bodies = CaseBodies.Make(perRun, departments, categories, bodySeed);
        var next = -1;
        Console.WriteLine(Invariant($"  {bodies.Count:N0} distinct case bodies for the create runs and {1_500 * seconds:N0} for wrk's (--seed {bodySeed})"));

        var scenarios = new List<Scenario>
        {
            Get("queue page (lead, AFTERSALES, open, by due)", "queue", lead, $"/api/v1/cases?departmentId={seed.AftersalesDepartmentId}&open=true&sort=due&limit=20"),
            Get("search 破损 (agent, all cases)", "search", agent, "/api/v1/cases?q=" + Uri.EscapeDataString("破损") + "&limit=20"),
            Get("search delivery (agent)", "search", agent, "/api/v1/cases?q=delivery&limit=20"),
            Get($"search {seed.SampleDay} (number prefix)", "search", agent, $"/api/v1/cases?q={seed.SampleDay}&limit=20"),
            Get("search 破损 (lead, own departments)", "search", lead, "/api/v1/cases?q=" + Uri.EscapeDataString("破损") + "&limit=20"),
            new("create (POST /api/v1/cases)", "create", _ =>
            {
                // Every run continues where the previous one stopped, so the 8-client run does not resend the 1-client run's cases.
                var body = bodies[(int)((uint)Interlocked.Increment(ref next) % bodies.Count)];
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = agent;
                return request;
            }),
        };

        var load = new HttpLoad(http, server);
        var measurements = new List<Measurement>();
        var hits = new Dictionary<string, int>();
        // --only create (or queue, search): one kind of request, to measure a change to it alone.
        foreach (var scenario in scenarios.Where(s => args.Get("only") is not { } only || s.Kind == only))
        {
            if (scenario.Kind != "create") hits[scenario.Name] = await CountItemsAsync(http, scenario);
            await load.RunAsync(scenario, 8, warmup);
            foreach (var clients in ClientCounts)
            {
                var m = await load.RunAsync(scenario, clients, duration);
                measurements.Add(m);
                Console.WriteLine(Invariant($"  {scenario.Name,-46} {clients} client(s): {m.PerSecond,8:N0}/s  p50 {m.P50,6:F1} ms  p95 {m.P95,6:F1} ms  p99 {m.P99,6:F1} ms  errors {m.Errors}{(m.FirstError is null ? "" : " first: " + m.FirstError)}"));
            }
        }
        WrkResult? wrk = null;
        if (args.Get("work") is { } work)
        {
            if (next >= bodies.Count) Console.WriteLine(Invariant($"  the create runs sent {next + 1:N0} requests: {next + 1 - bodies.Count:N0} of them resent a body"));
            wrk = await WrkCreate.RunAsync(url, agent.Parameter!, CaseBodies.Make(1_500 * seconds, departments, categories, bodySeed + 1), seconds, work);
            if (wrk is not null)
                Console.WriteLine(Invariant($"  {"create, wrk -t2 -c8 (as the probe)",-46} 8 client(s): {wrk.PerSecond,8:N0}/s  p50 {wrk.P50,6:F1} ms  p95 {wrk.P95,6:F1} ms  p99 {wrk.P99,6:F1} ms  non-2xx {wrk.Non2xx}"));
        }
        var results = new LoadResults(seed, seconds, Environment.ProcessorCount, DateTime.UtcNow, measurements, hits, wrk, server.PeakRssMb, server.RssMb);
        await File.WriteAllTextAsync(args.Require("out"), JsonSerializer.Serialize(results, SeedInfo.Json));
        return 0;
    }

    private static Scenario Get(string name, string kind, AuthenticationHeaderValue user, string path) => new(name, kind, _ =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = user;
        return request;
    });

    private static async Task<AuthenticationHeaderValue> SignInAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Features.Admin.Seeding.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
    }

    private static async Task<Dictionary<string, int>> CodesAsync(HttpClient http, AuthenticationHeaderValue user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = user;
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return list.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!, e => e.GetProperty("id").GetInt32());
    }

    /// <summary>How many rows the first page holds: a search that finds nothing would measure nothing.</summary>
    private static async Task<int> CountItemsAsync(HttpClient http, Scenario scenario)
    {
        using var request = scenario.Request(0);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return page.RootElement.GetProperty("items").GetArrayLength();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Everything one load run found, for the report.</summary>
internal sealed record LoadResults(
    SeedInfo Seed, int DurationSeconds, int Cores, DateTime At, IReadOnlyList<Measurement> Measurements,
    IReadOnlyDictionary<string, int> Hits, WrkResult? WrkCreate, double PeakRssMb, double RssAfterMb);
