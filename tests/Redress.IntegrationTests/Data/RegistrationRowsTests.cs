using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Data;

/// <summary>
/// Registration stores a case with its own INSERT statements instead of EF Core's SaveChanges. A case stored
/// that way must read back through EF Core exactly as it was registered, every field of it: a column added
/// to the model and not to those statements fails here.
/// </summary>
public abstract class RegistrationRowsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private static readonly Actor Agent = new("registration-rows-test", "测试坐席", new HashSet<Role> { Role.Agent }, new HashSet<int>());

    [Fact]
    public async Task EveryFieldSetAtRegistration_ReadsBackThroughEfCoreUnchanged()
    {
        app.RequireDatabase();
        var ids = await ReferenceIds.LoadAsync(app);
        var kase = Register(ids, "RR" + Guid.NewGuid().ToString("N")[..10]);

        await StoreAsync(kase, idempotency: null);

        Assert.True(kase.Id > 0);
        Assert.All(kase.Timeline, e => Assert.True(e.Id > 0 && e.CaseId == kase.Id));
        await using var db = await Dbs.CreateDbContextAsync(Test.Ct);
        var stored = await db.Cases.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == kase.Id, Test.Ct);
        Assert.Equal(JsonSerializer.Serialize(kase), JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task AnIdempotencyKeyAlreadyTaken_ThrowsAndTheTransactionStoresNothing()
    {
        app.RequireDatabase();
        var ids = await ReferenceIds.LoadAsync(app);
        var key = "rr-" + Guid.NewGuid();
        var first = Register(ids, "RR" + Guid.NewGuid().ToString("N")[..10]);
        await StoreAsync(first, Record(key));

        var second = Register(ids, "RR" + Guid.NewGuid().ToString("N")[..10]);
        await Assert.ThrowsAsync<RegistrationRows.KeyTaken>(() => StoreAsync(second, Record(key)));

        await using var db = await Dbs.CreateDbContextAsync(Test.Ct);
        Assert.False(await db.Cases.AnyAsync(c => c.Number == second.Number, Test.Ct));
        Assert.Equal(first.Id, (await db.IdempotencyRecords.SingleAsync(r => r.Key == key, Test.Ct)).CaseId);
    }

    private IDbContextFactory<RedressDb> Dbs => app.Services.GetRequiredService<IDbContextFactory<RedressDb>>();

    private async Task StoreAsync(Case kase, IdempotencyRecord? idempotency)
    {
        await using var db = await Dbs.CreateDbContextAsync(Test.Ct);
        await using var tx = await db.BeginWriteAsync(Test.Ct);
        await RegistrationRows.InsertAsync(db, kase, idempotency, Test.Ct);
        await tx.CommitAsync(Test.Ct);
    }

    private static IdempotencyRecord Record(string key) => new()
    {
        UserId = Agent.UserId, Key = key, RequestHash = new string('a', 64), CreatedAt = DateTime.UtcNow,
    };

    /// <summary>A registration with every optional field given; times in whole milliseconds, as both databases keep them.</summary>
    private static Case Register(ReferenceIds ids, string number)
    {
        var now = new DateTime(2026, 11, 23, 6, 30, 15, 123, DateTimeKind.Utc);
        var input = new NewCase(
            Channel.Phone, "  空调漏水 / AC leaking  ", "安装第二天开始漏水,地板泡坏。Water on the floor since day two.",
            now.AddDays(-2),
            new Customer { Name = "王芳", Phone = "+86 138-1234-5678", Email = "Wang.Fang@Example.CN", Address = "上海市浦东新区", CustomerId = "M-2048" },
            new ProductReference { OrderNumber = "SO-77812", ProductName = "KFR-35GW", Sku = "AC-35-W", BatchNumber = "B2026-10" },
            CustomerDemand.Compensation, "赔偿地板 / pay for the floor",
            ids.Categories.Values.First(), 2, CaseFlags.Urgent | CaseFlags.Repeat,
            ids.AfterSales, [ids.Logistics]);
        return Case.Register(input, number, Agent, now, CasePolicy.Default).Value;
    }
}

public sealed class RegistrationRowsOnSqlite(SqliteApp app) : RegistrationRowsTests<SqliteApp>(app);

public sealed class RegistrationRowsOnPostgres(PostgresApp app) : RegistrationRowsTests<PostgresApp>(app);
