using System.Globalization;

namespace Redress.Bench.Load;

/// <summary>The server's resident set and CPU time, read from /proc (Linux only; zero elsewhere).</summary>
internal sealed class ServerProcess(int pid)
{
    // USER_HZ: 100 on every Linux the benchmark targets.
    private const double MillisecondsPerTick = 10;

    /// <summary>Peak resident set of the process's whole life (VmHWM), in MB.</summary>
    public double PeakRssMb => StatusKb("VmHWM:") / 1024.0;

    public double RssMb => StatusKb("VmRSS:") / 1024.0;

    /// <summary>User + system CPU time so far, in milliseconds.</summary>
    public double CpuMilliseconds
    {
        get
        {
            var stat = Read($"/proc/{pid}/stat");
            if (stat is null) return 0;
            // Fields after the command name, which is in parentheses and may hold spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
        }
    }

    public bool IsAlive => Directory.Exists($"/proc/{pid}");

    private long StatusKb(string field)
    {
        var line = Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
