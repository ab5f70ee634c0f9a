using Microsoft.Data.Sqlite;

namespace Redress.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file from a background thread, every
/// <see cref="StorageOptions.SqliteCheckpointMs"/>. Left to SQLite, the commit that takes the log past 1,000 pages
/// does this itself: at a million cases that commit copies a few thousand pages into a 3 GB file and waits for
/// the disk, and every registration queued behind the writer waits with it (create p99 over a second). A PASSIVE
/// checkpoint takes no write lock, so the writer keeps appending meanwhile; a commit's own automatic
/// checkpoint stays as a safety net at <see cref="AutoCheckpointPages"/>, should this one fall behind.
/// </summary>
public sealed partial class SqliteCheckpoints(string connectionString, StorageOptions storage, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    /// <summary>A commit checkpoints by itself only past this many log pages (64 MB): this service normally runs long before.</summary>
    public const int AutoCheckpointPages = 16_384;

    /// <param name="Busy">True when a reader or another checkpoint kept it from finishing; it goes on next time.</param>
    /// <param name="LogPages">Pages in the log.</param>
    /// <param name="Copied">Of those, the pages now in the database file.</param>
    public sealed record Result(bool Busy, int LogPages, int Copied, DateTimeOffset At);

    /// <summary>The most recent checkpoint's outcome, or null before the first.</summary>
    public Result? Last { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMilliseconds(storage.SqliteCheckpointMs);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        // Real time, not the application's clock: this is about the disk, and tests run a clock of their own.
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckpointAsync(connection, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still in the log is safe there and is copied by the next start's first checkpoint.
        }
    }

    private async Task CheckpointAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) Last = new Result(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2), DateTimeOffset.UtcNow);
        }
        catch (SqliteException ex)
        {
            // A locked or busy database is tried again at the next tick; a commit's own checkpoint covers a long outage.
            LogFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed: {Error}")]
    private partial void LogFailed(string error);
}
