namespace Redress.Features.Notifications;

/// <summary>Section <c>Notifications:Dispatcher</c>.</summary>
public sealed class DispatcherOptions
{
    /// <summary>Seconds between passes: how long a new notice waits at most. A pass that finds nothing is one indexed read.</summary>
    public int IntervalSeconds { get; set; } = 5;
    /// <summary>Off in tests that run passes themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The thin loop around <see cref="DeliverOutbox"/>. Retries and their times are in the outbox rows, not in memory,
/// so a restart or a mail server that was down only delays messages; every instance may run this loop.
/// </summary>
public sealed partial class OutboxDispatcher(DeliverOutbox delivery, DispatcherOptions options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IntervalSeconds), clock);
        do
        {
            try
            {
                var pass = await delivery.RunAsync(stoppingToken);
                if (pass.Retrying + pass.Failed > 0) LogTrouble(pass.Sent, pass.Retrying, pass.Failed);
                else if (pass.Sent > 0) LogPass(pass.Sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A claimed batch waits for its lease to end; nothing is lost.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox pass: {Sent} sent.")]
    private partial void LogPass(int sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox pass: {Sent} sent, {Retrying} failed and will be retried, {Failed} given up.")]
    private partial void LogTrouble(int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; the next one retries.")]
    private partial void LogFailed(Exception ex);
}
