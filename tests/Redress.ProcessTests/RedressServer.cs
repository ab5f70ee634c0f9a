using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;

namespace Redress.ProcessTests;

/// <summary>
/// The real server as its own OS process: <c>dotnet exec Redress.dll</c> from the build, so killing
/// <see cref="Process"/> kills the server itself (the muxer hosts the runtime in-process; there is no wrapper).
/// </summary>
internal sealed class RedressServer : IAsyncDisposable
{
    private const int OutputLines = 300;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<string> _lines = new();

    private RedressServer(Process process, int port, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;

    /// <summary>Starts the server with these settings (as --Key=Value arguments) and waits until /health answers.</summary>
    public static async Task<RedressServer> StartAsync(IReadOnlyDictionary<string, string> settings, ITestOutputHelper output, CancellationToken ct)
    {
        var dll = ServerBuild.Locate();
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(dll, FreePort(), settings, output);
            try
            {
                await server.WaitUntilHealthyAsync(ct);
                output.WriteLine($"Server pid {server.ProcessId} is up on {server.BaseAddress} ({dll}).");
                return server;
            }
            catch (ServerExitedException) when (attempt < 3 && server.Output().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the free port between our probe and the server's bind: try another.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>SIGKILL (Process.Kill on Linux): no shutdown hooks, no flushing, like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Whether anything still listens on the server's port.</summary>
    public async Task<bool> AcceptsConnectionsAsync(CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, Port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (accessToken is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>Signs in through the API and returns a client that sends the bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password, CancellationToken ct)
    {
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("api/v1/auth/token", new { userName, password }, ct);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        Assert.False(string.IsNullOrEmpty(token?.AccessToken), "The sign-in answer has no accessToken.");
        return CreateClient(token.AccessToken);
    }

    /// <summary>The last lines the server wrote to stdout and stderr.</summary>
    public string Output() => string.Join(Environment.NewLine, _lines);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _output.WriteLine($"--- server pid {_process.Id} output (last {OutputLines} lines) ---{Environment.NewLine}{Output()}");
        _process.Dispose();
    }

    private static RedressServer Launch(string dll, int port, IReadOnlyDictionary<string, string> settings, ITestOutputHelper output)
    {
        var start = new ProcessStartInfo(ServerBuild.DotnetHost())
        {
            // The content root is the working directory: appsettings.json sits beside the dll.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = start };
        var server = new RedressServer(process, port, output);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > OutputLines) _lines.TryDequeue(out _);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = CreateClient();
        http.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new ServerExitedException($"The server exited with code {_process.ExitCode} before it was healthy:{Environment.NewLine}{Output()}");
            try
            {
                using var response = await http.GetAsync("health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A slow first answer (migrations hold the start); ask again.
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The server did not answer /health within {StartTimeout.TotalSeconds:0}s:{Environment.NewLine}{Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenResponse(string AccessToken);

    private sealed class ServerExitedException(string message) : Exception(message);
}

/// <summary>Where the server this test assembly was built with lives.</summary>
internal static class ServerBuild
{
    /// <summary>
    /// src/Redress/bin/&lt;Configuration&gt;/&lt;tfm&gt;/Redress.dll of the repository this test assembly was built in, for the same
    /// configuration (the project reference builds it alongside). REDRESS_SERVER_DLL overrides.
    /// </summary>
    public static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("REDRESS_SERVER_DLL");
        if (!string.IsNullOrWhiteSpace(overridden))
            return File.Exists(overridden) ? Path.GetFullPath(overridden) : throw new FileNotFoundException($"REDRESS_SERVER_DLL={overridden} does not exist.");

        var configuration = typeof(ServerBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var ownDir = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var tfm = Path.GetFileName(ownDir) is { } name && name.StartsWith("net", StringComparison.Ordinal) ? name : "net10.0";
        for (var dir = new DirectoryInfo(ownDir); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Redress.slnx"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "Redress", "bin", configuration, tfm, "Redress.dll");
            return File.Exists(dll)
                ? dll
                : throw new FileNotFoundException($"{dll} does not exist: build the solution in {configuration} first (./test.sh does).");
        }
        throw new DirectoryNotFoundException($"No Redress.slnx above {ownDir}; set REDRESS_SERVER_DLL to the server's Redress.dll.");
    }

    /// <summary>The dotnet host running these tests, so the server uses the same runtime.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
            return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
