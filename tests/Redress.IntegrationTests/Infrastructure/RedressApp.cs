using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Redress.Data;
using Redress.Features.Reference;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>
/// One Redress host on its own fresh database, configured only through configuration keys, as an
/// operator would. Demo users are seeded with a few demo cases; time is a <see cref="FakeTimeProvider"/>
/// so case numbers, due dates and "overdue" are under the test's control.
/// </summary>
public abstract class RedressApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Redress-2026";
    public const int DemoCases = 10;
    /// <summary>Small, so that "too big" needs only a few kilobytes.</summary>
    public const int MaxAttachmentBytes = 4096;

    private readonly ConcurrentDictionary<string, ApiClient> _clients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _memo = new();
    private ReferenceIds? _ids;

    /// <summary>Starts at a whole second of the real present, so PostgreSQL's microseconds lose nothing.</summary>
    public FakeTimeProvider Clock { get; init; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private string? _dataDirectory;

    /// <summary>Set to start a second host on another app's SQLite file (a restart); the owner deletes it.</summary>
    public string? SharedDataDirectory { get; init; }

    /// <summary>Runs the SLA scheduler in the background, as production does; tests otherwise run passes themselves.</summary>
    public bool RunScheduler { get; init; }

    /// <summary>
    /// Distinct customers that open a group-complaint incident (Triage:Group:MinCustomers). Off ("0") unless a test is
    /// about incidents: the default builder gives every case the same product, so other tests' customers would group.
    /// </summary>
    public string GroupMinCustomers { get; init; } = "0";

    /// <summary>The overview's figures are computed on every request unless a test is about their cache.</summary>
    public string OverviewMaxAge { get; init; } = "00:00:00";

    /// <summary>Each notice is delivered on its own unless a test is about summaries (Notifications:DigestAbove).</summary>
    public int DigestAbove { get; init; } = 1_000;

    protected string DataDirectory => _dataDirectory ??= SharedDataDirectory ?? Directory.CreateTempSubdirectory("redress-it-").FullName;

    public string DataDirectoryPath => DataDirectory;

    /// <summary>Name of the database in test output.</summary>
    public abstract string Database { get; }

    /// <summary>Skips (or fails, when every database is required) a test that needs an unavailable database.</summary>
    public virtual void RequireDatabase() { }

    protected abstract void Configure(IWebHostBuilder builder);

    public virtual async ValueTask InitializeAsync()
    {
        // Starting the server migrates and seeds: fail here, not in the middle of the first test.
        _ = Server;
        _ids = await ReferenceIds.LoadAsync(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development turns on the container's scope validation: a captive dependency fails the tests.
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Seed:Demo", "true");
        // Tests run scheduler passes themselves, at the moments they choose.
        builder.UseSetting("Sla:Scheduler:Enabled", RunScheduler ? "true" : "false");
        builder.UseSetting("Notifications:Dispatcher:Enabled", "false");
        builder.UseSetting("Analytics:OverviewMaxAge", OverviewMaxAge);
        builder.UseSetting("Notifications:DigestAbove", DigestAbove.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Triage:Group:MinCustomers", GroupMinCustomers);
        // Retrains happen when a test asks; a few dozen confirmed cases are enough to train a test model.
        builder.UseSetting("Triage:Retrain:Enabled", "false");
        builder.UseSetting("Triage:Retrain:MinimumCases", "40");
        builder.UseSetting("Triage:Retrain:MinimumPerClass", "5");
        // Tests register most cases for A.Case()'s one customer and order, which would make each a repeat of the last
        // (raised grade, root cause required); the repeat tests' hosts turn detection on.
        builder.UseSetting("Triage:Repeat:Enabled", "false");
        builder.UseSetting("Seed:DemoCases", DemoCases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Attachments:MaxBytes", MaxAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        Configure(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Each host seeds eight users and signs them in: at the production 100,000 PBKDF2 rounds that is
            // most of a fixture's start. Hashes carry their round count, so sign-in works the same.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    /// <summary>Departments, categories and users by code, read through the API once.</summary>
    public ReferenceIds Ids
    {
        get
        {
            RequireDatabase();
            return _ids ?? throw new InvalidOperationException("The app has not started.");
        }
    }

    /// <summary>A client signed in as a demo user (bearer token), cached until the clock moves on.</summary>
    public async Task<ApiClient> SignInAsync(string userName)
    {
        RequireDatabase();
        if (_clients.TryGetValue(userName, out var cached) && Clock.GetUtcNow() - cached.SignedInAt < TimeSpan.FromMinutes(30))
            return cached;
        var token = await SignInForTokenAsync(userName, Password);
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _clients[userName] = new ApiClient(http, userName, Clock.GetUtcNow());
    }

    public async Task<string> SignInForTokenAsync(string userName, string password)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Json.Options, Test.Ct);
        await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options, Test.Ct);
        return body!.AccessToken;
    }

    private sealed record TokenResponse(string AccessToken);

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous()
    {
        RequireDatabase();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>Straight to the database: for counting rows the API must not have written.</summary>
    public async Task<T> QueryAsync<T>(Func<RedressDb, Task<T>> query)
    {
        RequireDatabase();
        await using var db = await Services.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContextAsync(Test.Ct);
        return await query(db);
    }

    public Task<RowCounts> CountRowsAsync() => QueryAsync(async db => new RowCounts(
        await db.Cases.CountAsync(Test.Ct), await db.Timeline.CountAsync(Test.Ct), await db.Attachments.CountAsync(Test.Ct),
        await db.Communications.CountAsync(Test.Ct), await db.IdempotencyRecords.CountAsync(Test.Ct)));

    /// <summary>Computes something once per app (e.g. a case in a given state that many tests only look at).</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _memo.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    /// <summary>Moves time on; clients sign in again, as their tokens may have expired.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        _clients.Clear();
        Services.GetRequiredService<ReferenceData>().Invalidate();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Http.Dispose();
        await base.DisposeAsync();
        await DropDatabaseAsync();
        try
        {
            if (SharedDataDirectory is null) Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open is left to the OS's temp cleanup; it must not fail the run.
        }
        GC.SuppressFinalize(this);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed record RowCounts(int Cases, int TimelineEntries, int Attachments, int Communications, int IdempotencyRecords);
