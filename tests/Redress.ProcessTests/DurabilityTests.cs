using System.Net;
using System.Net.Http.Json;

namespace Redress.ProcessTests;

/// <summary>
/// A crash must not lose what the server acknowledged, nor leave half a case behind: the real server is
/// SIGKILLed while clients register cases, restarted on the same storage, and read back through the API.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const string User = "agent";
    private const string Password = "Redress-2026";
    private const int Clients = 8;
    private const int MinimumAcknowledged = 20;
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(2.5);

    [Fact]
    public Task Sigkill_DuringRegistrations_KeepsEveryAcknowledgedCaseWhole_OnSqlite() =>
        RunAsync(new Dictionary<string, string> { ["Storage:Provider"] = "sqlite" });

    [Fact]
    public async Task Sigkill_DuringRegistrations_KeepsEveryAcknowledgedCaseWhole_OnPostgres()
    {
        var server = PostgresDatabase.ServerOrSkip();
        await using var db = await PostgresDatabase.CreateAsync(server, "redress_durability", TestContext.Current.CancellationToken);
        await RunAsync(new Dictionary<string, string> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Redress"] = db.ConnectionString });
    }

    private async Task RunAsync(Dictionary<string, string> settings)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("redress-durability-");
        settings["Storage:DataDirectory"] = data.FullName;
        settings["Seed:Demo"] = "true";
        settings["Seed:DemoCases"] = "0";
        try
        {
            var load = new RegistrationLoad();
            await using (var server = await RedressServer.StartAsync(settings, output, ct))
            {
                using var http = await server.SignInAsync(User, Password, ct);
                await load.RunThenKillAsync(server, http, Clients, Load, MinimumAcknowledged, ct);
                Assert.True(server.HasExited, "The server process is still running after SIGKILL.");
                Assert.False(await server.AcceptsConnectionsAsync(ct), "Something still listens on the killed server's port: was a wrapper killed instead of the server?");
            }
            output.WriteLine($"{load.Acknowledged.Count} registrations acknowledged before SIGKILL.");
            Assert.Empty(load.Unexpected);
            Assert.True(load.Acknowledged.Count >= MinimumAcknowledged, $"Only {load.Acknowledged.Count} registrations were acknowledged; the test proves little.");

            await using (var server = await RedressServer.StartAsync(settings, output, ct))
            {
                using var http = await server.SignInAsync(User, Password, ct);
                await AssertEveryAcknowledgedCaseIsWholeAsync(http, load.Acknowledged, ct);
                var numbers = await AssertNoCaseIsHalfWrittenAsync(http, load.Acknowledged, ct);
                await AssertNumberingContinuesAsync(http, numbers, ct);
            }
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                output.WriteLine($"Could not remove {data.FullName}: {ex.Message}");
            }
        }
    }

    /// <summary>Every acknowledged case reads back as sent, has its Registered entry and is found by its number.</summary>
    private static Task AssertEveryAcknowledgedCaseIsWholeAsync(HttpClient http, IReadOnlyCollection<Acknowledged> acknowledged, CancellationToken ct) =>
        Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = Clients, CancellationToken = ct }, async (sent, token) =>
        {
            using var response = await http.GetAsync($"api/v1/cases/{sent.Id}", token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Acknowledged case {sent.Id} ({sent.Number}) is gone: {(int)response.StatusCode}.");
            var stored = await response.Content.ReadFromJsonAsync<StoredCase>(token);
            Assert.NotNull(stored);
            Assert.Equal(sent.Number, stored.Number);
            Assert.Equal(sent.Subject, stored.Subject);
            Assert.Equal(sent.Description, stored.Description);
            Assert.Equal(sent.CustomerName, stored.Customer.Name);
            Assert.Equal(sent.CustomerPhone, stored.Customer.Phone);

            await AssertRegisteredOnTimelineAsync(http, sent.Id, token);

            var found = await http.GetFromJsonAsync<CasePage>($"api/v1/cases?q={Uri.EscapeDataString(sent.Number)}&limit=100", token);
            Assert.True(found?.Items.Any(c => c.Id == sent.Id) == true, $"Searching for {sent.Number} does not find case {sent.Id}.");
        });

    /// <summary>Every stored case, acknowledged or caught mid-flight, is whole: a Registered entry and a number of its own.</summary>
    private static async Task<HashSet<string>> AssertNoCaseIsHalfWrittenAsync(HttpClient http, IReadOnlyCollection<Acknowledged> acknowledged, CancellationToken ct)
    {
        var listed = new List<CaseRow>();
        string? cursor = null;
        do
        {
            var url = "api/v1/cases?limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await http.GetFromJsonAsync<CasePage>(url, ct);
            Assert.NotNull(page);
            listed.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in listed) Assert.True(numbers.Add(row.Number), $"Case number {row.Number} is listed twice.");
        Assert.Equal(listed.Count, listed.Select(r => r.Id).Distinct().Count());
        var ids = listed.Select(r => r.Id).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Id, ids));

        await Parallel.ForEachAsync(listed, new ParallelOptions { MaxDegreeOfParallelism = Clients, CancellationToken = ct },
            async (row, token) => await AssertRegisteredOnTimelineAsync(http, row.Id, token));
        return numbers;
    }

    /// <summary>After the crash the server keeps registering, and never hands out a number again.</summary>
    private static async Task AssertNumberingContinuesAsync(HttpClient http, HashSet<string> numbers, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++)
        {
            var body = new { channel = "Phone", subject = $"After the restart {i}", description = "Registered after the crash.", customer = new { name = "客户 after", phone = $"+86 139 0000 {i:0000}" }, demand = "Apology" };
            using var response = await http.PostAsJsonAsync("api/v1/cases", body, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering after the restart failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            var created = await response.Content.ReadFromJsonAsync<CaseRow>(ct);
            Assert.NotNull(created);
            Assert.True(numbers.Add(created.Number), $"The restarted server handed out {created.Number} again.");
        }
    }

    private static async Task AssertRegisteredOnTimelineAsync(HttpClient http, long id, CancellationToken ct)
    {
        var timeline = await http.GetFromJsonAsync<List<TimelineRow>>($"api/v1/cases/{id}/timeline", ct);
        Assert.True(timeline?.Any(t => t.Event == "Registered") == true, $"Case {id} has no Registered entry on its timeline: half-written.");
    }

    private sealed record StoredCase(long Id, string Number, string Subject, string Description, StoredCustomer Customer);

    private sealed record StoredCustomer(string Name, string? Phone);

    private sealed record CaseRow(long Id, string Number);

    private sealed record CasePage(List<CaseRow> Items, string? NextCursor);

    private sealed record TimelineRow(long Id, string Event);
}
