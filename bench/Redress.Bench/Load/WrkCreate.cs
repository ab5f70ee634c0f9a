using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Redress.Bench.Load;

/// <summary>What wrk measured, from the JSON line our Lua <c>done</c> prints.</summary>
internal sealed record WrkResult(int Requests, double Seconds, int Non2xx, int SocketErrors, double P50, double P95, double P99)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Drives POST /api/v1/cases with wrk exactly as the limit probe is driven (-t2 -c8), so that the ratio
/// Redress ÷ probe compares two servers under one load generator rather than two generators.
/// </summary>
internal static class WrkCreate
{
    public static async Task<WrkResult?> RunAsync(string url, string token, IReadOnlyList<byte[]> bodies, int seconds, string workDir)
    {
        var script = Path.Combine(workDir, "create.lua");
        await File.WriteAllTextAsync(script, Lua(token, bodies));
        var start = new ProcessStartInfo("wrk")
        {
            ArgumentList = { "-t2", "-c8", $"-d{seconds}s", "--latency", "-s", script, url.TrimEnd('/') + "/api/v1/cases" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? wrk;
        try
        {
            wrk = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("wrk is not installed: skipping the create run with the probe's load generator");
            return null;
        }
        if (wrk is null) return null;
        using (wrk)
        {
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var json = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
            if (wrk.ExitCode != 0 || json is null)
            {
                Console.WriteLine($"wrk failed ({wrk.ExitCode}): {output}{await wrk.StandardError.ReadToEndAsync()}");
                return null;
            }
            return JsonSerializer.Deserialize<WrkResult>(json, CaseBodies.Json);
        }
    }

    private static string Lua(string token, IEnumerable<byte[]> bodies)
    {
        var lua = new StringBuilder();
        lua.AppendLine("-- Written by Redress.Bench for one run; the token expires within the hour.");
        lua.AppendLine("local bodies = {");
        foreach (var body in bodies) lua.Append("[==[").Append(Encoding.UTF8.GetString(body)).AppendLine("]==],");
        lua.AppendLine("}");
        lua.AppendLine(CultureInfo.InvariantCulture, $$"""
            -- Each of wrk's threads has its own copy of this script: thread k sends bodies k, k + 2, k + 4, ..., so no
            -- body goes out twice (until they run out).
            local threads = 0
            setup = function(thread)
              thread:set("first", threads)
              threads = threads + 1
            end
            local n = 0
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Authorization"] = "Bearer {{token}}"
            request = function()
              local body = bodies[((first + n * 2) % #bodies) + 1]
              n = n + 1
              return wrk.format(nil, nil, nil, body)
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('{"requests":%d,"seconds":%.3f,"non2xx":%d,"socketErrors":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f}\n',
                summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
            end
            """);
        return lua.ToString();
    }
}
