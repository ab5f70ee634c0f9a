using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Redress.Data;

/// <summary>
/// Runs units of write work in a transaction and answers each caller only after its work is committed.
/// On SQLite the units that arrive while a transaction is running are queued and the next transaction
/// runs them together (group commit): one BEGIN/COMMIT, one full-text segment and one write of each
/// shared index page for many cases, instead of one each. If any unit in a batch throws, the batch is
/// rolled back and every unit is run again in a transaction of its own, so one bad request never fails
/// another. On PostgreSQL, which runs writers in parallel and groups WAL flushes itself, each unit simply
/// gets its own transaction. See docs/adr/0005-group-commit.md.
/// </summary>
/// <remarks>
/// A unit makes its changes with SaveChanges or raw SQL on the context it is given and returns its
/// answer. It must not commit, and it must leave nothing half-done when it returns an expected error:
/// changes it tracked but did not save are discarded.
/// </remarks>
public sealed class GroupCommit(IDbContextFactory<RedressDb> dbs, StorageOptions storage, SqliteWriterConnection? writer = null) : IAsyncDisposable
{
    private const int MaxBatch = 64;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    public async Task<T> RunAsync<T>(Func<RedressDb, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (storage.IsPostgres) return await RunAloneAsync(work, ct);
        var unit = new Unit<T>(work);
        EnsureLoop();
        if (!_queue.Writer.TryWrite(unit)) throw new InvalidOperationException("The write queue is closed: the server is stopping.");
        // A caller that gives up stops waiting; its unit may still be committed, as with any request whose
        // client disconnects after sending it. Idempotency keys make the retry safe.
        return await unit.Answer.Task.WaitAsync(ct);
    }

    private async Task<T> RunAloneAsync<T>(Func<RedressDb, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var answer = await work(db, ct);
        await tx.CommitAsync(ct);
        return answer;
    }

    private void EnsureLoop()
    {
        if (_loop is not null) return;
        lock (_start) _loop ??= Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit)) batch.Add(unit);
            try
            {
                await RunBatchAsync(batch);
            }
            catch (Exception ex)
            {
                // Beginning or committing the transaction failed: nobody's work is durable.
                foreach (var unit in batch) unit.Fail(ex);
            }
            batch.Clear();
        }
    }

    private async Task RunBatchAsync(List<Unit> batch)
    {
        var db = await WriterAsync();
        try
        {
            await using var tx = await db.BeginWriteAsync(CancellationToken.None);
            // A failing unit rolls the whole batch back, so EF's savepoint around each SaveChanges buys nothing.
            db.Database.AutoSavepointsEnabled = false;
            var failed = false;
            foreach (var unit in batch)
            {
                try
                {
                    await unit.RunAsync(db);
                    db.ChangeTracker.Clear();
                }
#pragma warning disable CA1031 // Any fault of one unit sends the batch down the one-by-one path.
                catch (Exception)
#pragma warning restore CA1031
                {
                    failed = true;
                    break;
                }
            }
            if (!failed)
            {
                await tx.CommitAsync();
                foreach (var unit in batch) unit.Complete();
                return;
            }
            await tx.RollbackAsync();
        }
        finally
        {
            await ReleaseAsync(db);
        }
        foreach (var unit in batch)
        {
            db = await WriterAsync();
            try
            {
                await using var tx = await db.BeginWriteAsync(CancellationToken.None);
                await unit.RunAsync(db);
                await tx.CommitAsync();
                unit.Complete();
            }
#pragma warning disable CA1031 // The fault goes to the caller whose unit it was.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                unit.Fail(ex);
            }
            finally
            {
                await ReleaseAsync(db);
            }
        }
    }

    private async Task<RedressDb> WriterAsync() => writer?.Context ?? await dbs.CreateDbContextAsync();

    /// <summary>The SQLite writer's context lives on (<see cref="SqliteWriterConnection.Context"/>), forgetting what it tracked.</summary>
    private async ValueTask ReleaseAsync(RedressDb db)
    {
        if (writer is null) await db.DisposeAsync();
        else db.ChangeTracker.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }

    private abstract class Unit
    {
        public abstract Task RunAsync(RedressDb db);
        public abstract void Complete();
        public abstract void Fail(Exception ex);
    }

    private sealed class Unit<T>(Func<RedressDb, CancellationToken, Task<T>> work) : Unit
    {
        private T? _answer;

        public TaskCompletionSource<T> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(RedressDb db) => _answer = await work(db, CancellationToken.None);

        public override void Complete() => Answer.TrySetResult(_answer!);

        public override void Fail(Exception ex) => Answer.TrySetException(ex);
    }
}
