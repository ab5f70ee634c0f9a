using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Redress.Data;

/// <summary>
/// One writer at a time per SQLite database file in this process. SQLite serialises writers anyway; when
/// they collide its busy handler sleeps in steps of milliseconds, which ruins tail latency. An async
/// semaphore queues them in memory instead. A second process on the same file still works: it falls back
/// on busy_timeout.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}

/// <summary>A transaction that releases the writer gate when it ends, however it ends.</summary>
internal sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction
{
    private int _released;

    public Guid TransactionId => inner.TransactionId;
    public DbTransaction GetDbTransaction() => inner.GetDbTransaction();
    public void Commit() => inner.Commit();
    public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);
    public void Rollback() => inner.Rollback();
    public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

    public void Dispose()
    {
        inner.Dispose();
        Release();
    }

    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        Release();
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
    }
}
