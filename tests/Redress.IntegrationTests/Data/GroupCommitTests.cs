using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Data;
using Redress.Domain.Organisation;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Data;

/// <summary>
/// Units written together commit together, and one unit that fails never takes the others down with it
/// (on SQLite the batch is replayed one unit at a time; on PostgreSQL each unit is alone anyway).
/// </summary>
public abstract class GroupCommitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task ConcurrentUnits_OneThrows_TheOthersAreCommittedAndTheFaultReachesItsCaller()
    {
        app.RequireDatabase();
        var writes = app.Services.GetRequiredService<GroupCommit>();
        var prefix = "GC" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var units = Enumerable.Range(0, 40).Select(i => writes.RunAsync(async (db, ct) =>
        {
            db.Departments.Add(new Department { Code = $"{prefix}-{i}", NameZh = "测试", NameEn = "Test" });
            await db.SaveChangesAsync(ct);
            if (i == 13) throw new InvalidOperationException("unit 13 fails after writing");
            return i;
        }, Test.Ct)).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => units[13]);
        Assert.Equal("unit 13 fails after writing", failure.Message);
        foreach (var (unit, i) in units.Select((u, i) => (u, i)).Where(x => x.i != 13))
            Assert.Equal(i, await unit);

        await using var check = await app.Services.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContextAsync(Test.Ct);
        var codes = await check.Departments.Where(d => d.Code.StartsWith(prefix)).Select(d => d.Code).ToListAsync(Test.Ct);
        Assert.Equal(39, codes.Count);
        Assert.DoesNotContain($"{prefix}-13", codes);
    }
}

public sealed class GroupCommitOnSqlite(SqliteApp app) : GroupCommitTests<SqliteApp>(app);

public sealed class GroupCommitOnPostgres(PostgresApp app) : GroupCommitTests<PostgresApp>(app);

public sealed class CheckpointsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task WhatTheWriterCommits_IsCopiedIntoTheDatabaseFile_InTheBackground()
    {
        var writes = app.Services.GetRequiredService<GroupCommit>();
        var checkpoints = app.Services.GetRequiredService<SqliteCheckpoints>();
        var code = "CP" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await writes.RunAsync(async (db, ct) =>
        {
            db.Departments.Add(new Department { Code = code, NameZh = "检查点", NameEn = "Checkpoint" });
            return await db.SaveChangesAsync(ct);
        }, Test.Ct);
        var committed = DateTimeOffset.UtcNow;

        // The writer leaves the log to the background: the first checkpoint after the commit copies all of it.
        SqliteCheckpoints.Result? after = null;
        for (var i = 0; i < 100 && after is null; i++)
        {
            await Task.Delay(50, Test.Ct);
            if (checkpoints.Last is { } last && last.At > committed) after = last;
        }
        Assert.NotNull(after);
        Assert.False(after.Busy);
        Assert.True(after.LogPages > 0, "The commit is in the log.");
        Assert.Equal(after.LogPages, after.Copied);
    }
}
