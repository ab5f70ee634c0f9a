using System.Net;
using Redress.Domain.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>Optimistic concurrency: reads carry an ETag, changes send it back, a stale one changes nothing.</summary>
public abstract class ConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Read_ReturnsTheVersionAsAStrongETag()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);
        Assert.Equal("\"1\"", (await agent.GetCaseAsync(c.Id)).ETag);

        var response = await agent.ActAsync(c.Id, "acknowledge", Bodies.Note(), "\"1\"");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal("\"2\"", (await agent.GetCaseAsync(c.Id)).ETag);
    }

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"2\"")]
    [InlineData("garbage")]
    public async Task Change_WithAStaleIfMatch_Is412_AndChangesNothing(string ifMatch)
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);
        var timeline = await agent.TimelineAsync(c.Id);

        var response = await agent.ActAsync(c.Id, "acknowledge", Bodies.Note(), ifMatch);

        Assert.Equal("stale", (await Expect.ProblemAsync(response, HttpStatusCode.PreconditionFailed)).Code);
        var (after, etag) = await agent.GetCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Received, 1, "\"1\""), (after.Status, after.Version, etag));
        Assert.Equal(timeline, await agent.TimelineAsync(c.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task Transition_WithoutAVersion_Is428_AndChangesNothing(string? ifMatch)
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);

        var response = await agent.ActAsync(c.Id, "acknowledge", Bodies.Note(), ifMatch);

        Assert.Equal("if_match_required", (await Expect.ProblemAsync(response, HttpStatusCode.PreconditionRequired)).Code);
        Assert.Equal(1, (await agent.GetCaseAsync(c.Id)).Case.Version);
        Assert.Single(await agent.TimelineAsync(c.Id));
    }

    [Fact]
    public async Task TwoChangesFromTheSameVersion_OneWinsAndTheOtherIs412()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);

        var responses = await Task.WhenAll(
            agent.ActAsync(c.Id, "acknowledge", Bodies.Note(), "\"1\""),
            agent.ActAsync(c.Id, "withdraw", Bodies.Reason("Duplicate of another case."), "\"1\""));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var (after, _) = await agent.GetCaseAsync(c.Id);
        Assert.Equal(2, after.Version);
        Assert.Equal(2, (await agent.TimelineAsync(c.Id)).Count);
    }

    [Fact]
    public async Task AppendsWithoutIfMatch_AllLand_EvenWhenConcurrent()
    {
        var agent = await app.SignInAsync("agent");
        var c = await new CaseSteps(app).ToAsync(CaseStatus.Received);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => agent.ActAsync(c.Id, "notes", Bodies.Text($"Note {i}"), null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(5, (await agent.GetCaseAsync(c.Id)).Case.Version);
        Assert.Equal(4, (await agent.TimelineAsync(c.Id)).Count(t => t.Event == TimelineEvent.NoteAdded));
    }
}

public sealed class ConcurrencyOnSqlite(SqliteApp app) : ConcurrencyTests<SqliteApp>(app);

public sealed class ConcurrencyOnPostgres(PostgresApp app) : ConcurrencyTests<PostgresApp>(app);
