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

    /// <summary>
    /// On SQLite the writer keeps its statements prepared between units: each use must still bind its own values,
    /// read its own rows, and work again after a statement of another unit failed.
    /// </summary>
    [Fact]
    public async Task TheSameStatementsInManyUnits_EachWritesAndReadsItsOwnValues_AlsoAfterAFailure()
    {
        app.RequireDatabase();
        var writes = app.Services.GetRequiredService<GroupCommit>();
        var prefix = "KS" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        const string insert = """INSERT INTO "NumberCounters" ("Scope", "Last") VALUES (@scope, @last)""";
        const string read = """SELECT "Last" FROM "NumberCounters" WHERE "Scope" = @scope""";

        Task<long> Unit(int i) => writes.RunAsync(async (db, ct) =>
        {
            await using (var command = db.Command(insert).Bind("@scope", $"{prefix}-{i}").Bind("@last", i * 10L))
                await command.ExecuteNonQueryAsync(ct);
            // The same row again: the unique key refuses it, and this unit fails alone.
            if (i == 13)
            {
                await using var again = db.Command(insert).Bind("@scope", $"{prefix}-{i}").Bind("@last", 0L);
                await again.ExecuteNonQueryAsync(ct);
            }
            await using var check = db.Command(read).Bind("@scope", $"{prefix}-{i}");
            return Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }, Test.Ct);

        var units = Enumerable.Range(0, 30).Select(Unit).ToList();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => units[13]);
        foreach (var (unit, i) in units.Select((u, i) => (u, i)).Where(x => x.i != 13))
            Assert.Equal(i * 10L, await unit);
        Assert.Equal(300L, await Unit(30));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<RedressDb>>().CreateDbContextAsync(Test.Ct);
        var stored = await db.NumberCounters.Where(c => c.Scope.StartsWith(prefix)).ToDictionaryAsync(c => c.Scope, c => c.Last, Test.Ct);
        Assert.Equal(30, stored.Count);
        Assert.DoesNotContain($"{prefix}-13", stored.Keys);
        Assert.Equal(50L, stored[$"{prefix}-5"]);
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
