namespace Redress.Features.Sla;

public sealed class SchedulerOptions
{
    /// <summary>Seconds between passes. Off in tests that run passes themselves.</summary>
    public int IntervalSeconds { get; set; } = 15;
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The thin loop around <see cref="CheckClocks"/>. Nothing is kept in memory between passes: the due times
/// are in the database, so after a restart the first pass catches up on whatever fell due meanwhile.
/// </summary>
public sealed partial class ClockScheduler(CheckClocks checks, SchedulerOptions options, TimeProvider clock, ILogger<ClockScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IntervalSeconds), clock);
        do
        {
            try
            {
                var pass = await checks.RunAsync(stoppingToken);
                if (pass.Steps > 0) LogPass(pass.Clocks, pass.Steps);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass retries: every step is idempotent.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA pass: {Clocks} clocks due, {Steps} warnings, breaches and escalations.")]
    private partial void LogPass(int clocks, int steps);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA pass failed; the next one retries.")]
    private partial void LogFailed(Exception ex);
}
