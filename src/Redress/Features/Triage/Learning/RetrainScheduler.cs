using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// The thin loop around <see cref="RetrainTriageModels"/>: loads the active models at start, re-reads them every
/// <see cref="RetrainOptions.RefreshInterval"/> (also when scheduled retrains are off), and retrains once the
/// newest version is older than <see cref="RetrainOptions.Interval"/> (read from the database, so a restart does
/// not retrain at once, and with several instances the first one due trains while the others find it busy or
/// up to date).
/// </summary>
public sealed partial class RetrainScheduler(RetrainTriageModels retrain, TriageModels models, IDbContextFactory<RedressDb> dbs,
    RetrainOptions options, TimeProvider clock, ILogger<RetrainScheduler> logger) : BackgroundService
{
    private DateTime _lastAttempt = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RefreshInterval, clock);
        do
        {
            try
            {
                await models.RefreshAsync(stoppingToken);
                if (options.Enabled && await DueAsync(stoppingToken))
                {
                    _lastAttempt = clock.GetUtcNow().UtcDateTime;
                    var result = await retrain.RunAsync(force: false, "scheduler", stoppingToken);
                    if (result.IsSuccess)
                        foreach (var o in result.Value.Where(o => o.Result == RetrainResult.Trained)) LogTrained(o.Kind, o.Version, o.SampleCount, o.Accuracy, o.MacroF1);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick retries; a retrain either stores a whole version or nothing.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastAttempt < options.Interval) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var newest = await db.TriageModelVersions.MaxAsync(v => (DateTime?)v.TrainedAt, ct);
        return newest is null || now - newest.Value >= options.Interval;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage model {Kind} v{Version} trained on {Cases} cases: accuracy {Accuracy:0.000}, macro-F1 {MacroF1:0.000}.")]
    private partial void LogTrained(TriageModelKind kind, int? version, int cases, double? accuracy, double? macroF1);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled triage retrain failed; the next tick retries.")]
    private partial void LogFailed(Exception ex);
}
