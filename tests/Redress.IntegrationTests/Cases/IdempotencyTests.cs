using System.Net;
using Microsoft.EntityFrameworkCore;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>Idempotency-Key on registration: a retried or duplicated request never makes a second case.</summary>
public abstract class IdempotencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task RetriedRegistration_ReturnsTheFirstCase_MarkedAsReplayed()
    {
        var agent = await app.SignInAsync("agent");
        var request = A.Case().About("Retried registration").Build();
        var key = Guid.NewGuid().ToString();

        var first = await agent.TryRegisterAsync(request, key);
        var retry = await agent.TryRegisterAsync(request, key);

        var (a, b) = (await Expect.JsonAsync<CaseDetails>(first, HttpStatusCode.Created), await Expect.JsonAsync<CaseDetails>(retry, HttpStatusCode.Created));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal((a.Id, a.Number), (b.Id, b.Number));
        Assert.Equal($"/api/v1/cases/{a.Id}", retry.Headers.Location?.OriginalString);
        Assert.Equal(1, await CountAsync("Retried registration"));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKey_CreateExactlyOneCase()
    {
        var agent = await app.SignInAsync("agent");
        var request = A.Case().About("Concurrent retries").Build();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => agent.TryRegisterAsync(request, key)));

        var cases = await Task.WhenAll(responses.Select(r => Expect.JsonAsync<CaseDetails>(r, HttpStatusCode.Created)));
        Assert.Single(cases.Select(c => c.Id).Distinct());
        Assert.Equal(19, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(1, await CountAsync("Concurrent retries"));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_IsRefused_AndCreatesNothing()
    {
        var agent = await app.SignInAsync("agent");
        var key = Guid.NewGuid().ToString();
        await Expect.StatusAsync(await agent.TryRegisterAsync(A.Case().About("Key reuse, first").Build(), key), HttpStatusCode.Created);
        var before = await app.CountRowsAsync();

        var response = await agent.TryRegisterAsync(A.Case().About("Key reuse, second").Build(), key);

        Assert.Equal("idempotency_key_reused", (await Expect.ProblemAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task TheSameKeyFromAnotherUser_IsTheirOwnKey()
    {
        var key = Guid.NewGuid().ToString();
        var request = A.Case().About("Same key, two users").Build();

        var mine = await Expect.JsonAsync<CaseDetails>(await (await app.SignInAsync("agent")).TryRegisterAsync(request, key), HttpStatusCode.Created);
        var theirs = await Expect.JsonAsync<CaseDetails>(await (await app.SignInAsync("handler")).TryRegisterAsync(request, key), HttpStatusCode.Created);

        Assert.NotEqual(mine.Id, theirs.Id);
    }

    [Fact]
    public async Task AnOverlongKey_IsRefused()
    {
        var response = await (await app.SignInAsync("agent")).TryRegisterAsync(A.Case().Build(), new string('k', 129));
        Assert.Equal("idempotency_key_too_long", (await Expect.ProblemAsync(response, HttpStatusCode.BadRequest)).Code);
    }

    private Task<int> CountAsync(string subject) => app.QueryAsync(db => db.Cases.CountAsync(c => c.Subject == subject, Test.Ct));
}

public sealed class IdempotencyOnSqlite(SqliteApp app) : IdempotencyTests<SqliteApp>(app);

public sealed class IdempotencyOnPostgres(PostgresApp app) : IdempotencyTests<PostgresApp>(app);
