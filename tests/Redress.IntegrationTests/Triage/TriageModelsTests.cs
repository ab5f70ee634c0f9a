using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Domain.Triage;
using Redress.Features.Triage;
using Redress.Features.Triage.Learning;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Triage;

/// <summary>
/// The learned category model (issue 5 part 3) trained from confirmed cases through the administration API:
/// versioned, measured on held-out cases, one active version however many retrains run at once.
/// The hosts need 40 confirmed cases and 5 per category (RedressApp).
/// </summary>
public abstract class TriageModelsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private Task<bool> SeededAsync() => app.OnceAsync("confirmed-cases", async () => { await TriageCases.RegisterConfirmedAsync(app); return true; });

    private static async Task<List<RetrainOutcome>> RetrainAsync(ApiClient admin, bool force) =>
        await Expect.JsonAsync<List<RetrainOutcome>>(await admin.PostAsync($"{TriageCases.Models}/retrain?force={(force ? "true" : "false")}", null));

    [Fact]
    public async Task Retrain_FromConfirmedCases_StoresAMeasuredActiveVersion_ThatPredicts()
    {
        await SeededAsync();
        var admin = await app.SignInAsync("admin");

        var outcomes = await RetrainAsync(admin, force: true);

        var category = outcomes.Single(o => o.Kind == TriageModelKind.Category);
        Assert.Equal(RetrainResult.Trained, category.Result);
        Assert.InRange(category.SampleCount, 5 * TriageCases.PerCategory, 5 * TriageCases.PerCategory + RedressApp.DemoCases);
        var versions = await admin.GetJsonAsync<List<TriageModelItem>>(TriageCases.Models);
        var active = versions.Single(v => v.Kind == TriageModelKind.Category && v.IsActive);
        Assert.Equal(category.Version, active.Version);
        Assert.False(string.IsNullOrEmpty(active.TrainedBy));
        // 30 short texts per category are few: well above the 0.2 of guessing, far from the unit tests' 240-text model.
        Assert.InRange(active.Accuracy, 0.4, 1);
        Assert.InRange(active.MacroF1, 0.4, 1);
        Assert.True(active.TestCount >= 30, $"{active.TestCount} held out");
        Assert.All(["QUALITY", "SERVICE", "LOGISTICS", "BILLING", "AFTERSALES"], code => Assert.True(active.ClassCounts[code] >= TriageCases.PerCategory));

        var logistics = TriageCases.Complaints().First(c => c.Label == "LOGISTICS");
        var prediction = app.Services.GetRequiredService<TriageModels>().Predict(logistics.Text);
        Assert.NotNull(prediction);
        Assert.Equal(("LOGISTICS", active.Version), (prediction.Best.Label, prediction.Version));
        Assert.NotEmpty(prediction.Features);

        // A new case's suggestion now carries the model's guess, with the n-grams that decided it as the reason.
        var agent = await app.SignInAsync("agent");
        var filed = await agent.RegisterAsync(A.Case().About("物流问题", logistics.Text).Build());
        var triage = await agent.GetJsonAsync<TriageView>($"/api/v1/cases/{filed.Id}/triage");
        var learned = new[] { triage.Suggestion.Category }.Concat(triage.Suggestion.Alternatives)
            .Single(c => c?.Source == SuggestionSource.Learned || c?.Cues.Any(q => q.Kind == CueKind.Learned) == true)!;
        // LOGISTICS, or the sub-category of it that a weaker rule found in the same text.
        var parent = await app.QueryAsync(db => db.Categories.Where(g => g.Id == learned.CategoryId).Select(g => g.ParentId).SingleAsync(Test.Ct));
        Assert.Equal(app.Ids.Categories["LOGISTICS"], parent ?? learned.CategoryId);
        Assert.Contains(learned.Cues, q => q.Kind == CueKind.LearnedFeature && TextGrams.Normalize(logistics.Text).Contains(q.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrain_WithoutChanges_IsUpToDate_AndForcedMakesTheNextVersionActive()
    {
        await SeededAsync();
        var admin = await app.SignInAsync("admin");
        var first = (await RetrainAsync(admin, force: true)).Single(o => o.Kind == TriageModelKind.Category);

        var again = (await RetrainAsync(admin, force: false)).Single(o => o.Kind == TriageModelKind.Category);
        var forced = (await RetrainAsync(admin, force: true)).Single(o => o.Kind == TriageModelKind.Category);

        Assert.Equal((RetrainResult.UpToDate, first.Version), (again.Result, again.Version));
        Assert.Equal((RetrainResult.Trained, first.Version + 1), (forced.Result, forced.Version));
        var versions = await admin.GetJsonAsync<List<TriageModelItem>>(TriageCases.Models);
        Assert.Equal(forced.Version, versions.Single(v => v.Kind == TriageModelKind.Category && v.IsActive).Version);
        Assert.False(versions.Single(v => v.Kind == TriageModelKind.Category && v.Version == first.Version).IsActive);
    }

    [Fact]
    public async Task ConcurrentRetrains_LeaveExactlyOneActiveVersion()
    {
        await SeededAsync();
        var admin = await app.SignInAsync("admin");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.PostAsync($"{TriageCases.Models}/retrain?force=true", null)));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        foreach (var busy in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("triage.retrain_running", (await Expect.ProblemAsync(busy, HttpStatusCode.Conflict)).Code);
        Assert.Equal(1, await app.QueryAsync(db => db.TriageModelVersions.CountAsync(v => v.Kind == TriageModelKind.Category && v.IsActive, Test.Ct)));
    }

    [Fact]
    public async Task Models_AreForAdministratorsOnly()
    {
        var agent = await app.SignInAsync("agent");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(TriageCases.Models)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{TriageCases.Models}/retrain", null)).StatusCode);
    }
}

/// <summary>Confirmed cases to train from, and where the models' API is.</summary>
public static class TriageCases
{
    public const string Models = "/api/v1/admin/triage/models";
    public const int PerCategory = 30;

    public static List<LabelledText> Complaints() => LabelledFile.Read(Path.Combine(AppContext.BaseDirectory, "Triage", "complaints.csv"), "text", "category");

    /// <summary><see cref="PerCategory"/> of each of the five categories from the hand-written complaints, as agents' confirmed cases.</summary>
    public static async Task RegisterConfirmedAsync(RedressApp on)
    {
        var agent = await on.SignInAsync("agent");
        foreach (var c in Complaints().GroupBy(c => c.Label).SelectMany(g => g.Take(PerCategory)))
        {
            var subject = c.Text.Length > 40 ? c.Text[..40] : c.Text;
            await agent.RegisterAsync(A.Case().About(subject, c.Text).InCategory(on.Ids.Categories[c.Label]).Build());
        }
    }
}

public sealed class TriageModelsOnSqlite(SqliteApp app) : TriageModelsTests<SqliteApp>(app);

public sealed class TriageModelsOnPostgres(PostgresApp app) : TriageModelsTests<PostgresApp>(app);
