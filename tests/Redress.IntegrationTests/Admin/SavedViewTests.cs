using System.Net;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Admin;

/// <summary>Saved queue views: each user's own, with the count of what they find.</summary>
public abstract class SavedViewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task AUsersSavedViews_AreTheirOwn_WithCounts()
    {
        var (lead, handler) = (await app.SignInAsync("lead"), await app.SignInAsync("handler"));
        var subject = "Saved view " + Guid.NewGuid().ToString("N")[..8];
        await (await app.SignInAsync("agent")).RegisterAsync(A.Case().About(subject).Graded(1).LedBy(app.Ids.AfterSales).Build());

        var saved = await Expect.JsonAsync<SavedViewItem>(await lead.PostAsync("/api/v1/me/views",
            new SaveViewInput("Grade 1", "?queue=all&grade=1&cursor=abc&utm=x")), HttpStatusCode.Created);
        var search = await Expect.JsonAsync<SavedViewItem>(await lead.PostAsync("/api/v1/me/views", new SaveViewInput("Search", $"q={subject}")), HttpStatusCode.Created);

        Assert.Equal("queue=all&grade=1", saved.Query);
        var expected = (await lead.ListAsync("grade=1&limit=100")).Items.Count;
        var mine = await lead.GetJsonAsync<List<SavedViewItem>>("/api/v1/me/views");
        Assert.Equal([("Grade 1", (int?)expected), ("Search", null)], mine.Select(v => (v.Name, v.Count)));
        Assert.True(expected >= 1);

        Assert.Empty(await handler.GetJsonAsync<List<SavedViewItem>>("/api/v1/me/views"));
        await Expect.ProblemAsync(await handler.Http.DeleteAsync($"/api/v1/me/views/{saved.Id}", Test.Ct), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await lead.Http.DeleteAsync($"/api/v1/me/views/{search.Id}", Test.Ct), HttpStatusCode.NoContent);
        Assert.Equal(["Grade 1"], (await lead.GetJsonAsync<List<SavedViewItem>>("/api/v1/me/views")).Select(v => v.Name));
    }

    [Fact]
    public async Task ALeadsViewCount_TakesTheCasesTheDepartmentLeads_AndThoseItOnlyAssists_EachOnce()
    {
        var (lead, agent) = (await app.SignInAsync("lead"), await app.SignInAsync("agent"));
        var subject = "Scoped count " + Guid.NewGuid().ToString("N")[..8];
        var (aftersales, logistics) = (app.Ids.AfterSales, app.Ids.Logistics);
        await agent.RegisterAsync(A.Case().Via(Channel.Letter).About(subject).LedBy(aftersales).Build());
        await agent.RegisterAsync(A.Case().Via(Channel.Letter).About(subject).LedBy(aftersales).AssistedBy(logistics).Build());
        await agent.RegisterAsync(A.Case().Via(Channel.Letter).About(subject).LedBy(logistics).AssistedBy(aftersales).Build());
        await agent.RegisterAsync(A.Case().Via(Channel.Letter).About(subject).LedBy(logistics).Build());

        var view = await Expect.JsonAsync<SavedViewItem>(await lead.PostAsync("/api/v1/me/views", new SaveViewInput("Letters", "queue=all&channel=Letter&open=true")), HttpStatusCode.Created);

        var listed = (await lead.ListAsync("channel=Letter&open=true&limit=100")).Items;
        Assert.Equal(3, listed.Count(c => c.Subject == subject));
        Assert.Equal(listed.Count, view.Count);
        // The lead's views are another test's subject too.
        await Expect.StatusAsync(await lead.Http.DeleteAsync($"/api/v1/me/views/{view.Id}", Test.Ct), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task AViewNamedTwice_OrWithoutAName_IsA400Problem()
    {
        var quality = await app.SignInAsync("quality");
        await Expect.StatusAsync(await quality.PostAsync("/api/v1/me/views", new SaveViewInput("Overdue", "queue=overdue")), HttpStatusCode.Created);

        var twice = await Expect.ProblemAsync(await quality.PostAsync("/api/v1/me/views", new SaveViewInput("Overdue", "queue=all")), HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await quality.PostRawAsync("/api/v1/me/views", """{"name":"","query":"queue=all"}"""), HttpStatusCode.BadRequest);

        Assert.Equal("duplicate_name", twice.Code);
        Assert.Equal(["queue=overdue"], (await quality.GetJsonAsync<List<SavedViewItem>>("/api/v1/me/views")).Select(v => v.Query));
    }
}

public sealed class SavedViewsOnSqlite(SqliteApp app) : SavedViewTests<SqliteApp>(app);

public sealed class SavedViewsOnPostgres(PostgresApp app) : SavedViewTests<PostgresApp>(app);
