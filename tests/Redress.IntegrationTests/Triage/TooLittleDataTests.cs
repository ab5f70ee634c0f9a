using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Features.Triage.Learning;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Triage;

/// <summary>On a host with only the demo cases there is too little confirmed data: no model, the rules alone decide.</summary>
public abstract class TooLittleDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Retrain_WithTooFewConfirmedCases_IsRefused_AndStoresNoModel()
    {
        var admin = await app.SignInAsync("admin");

        var problem = await Expect.ProblemAsync(await admin.PostAsync($"{TriageCases.Models}/retrain?force=true", null), HttpStatusCode.Conflict);

        Assert.Equal("triage.too_little_data", problem.Code);
        Assert.Contains("40", problem.Detail);
        Assert.Empty(await admin.GetJsonAsync<List<TriageModelItem>>(TriageCases.Models));
        Assert.Equal(0, await app.QueryAsync(db => db.TriageModelVersions.CountAsync(Test.Ct)));
        Assert.Null(app.Services.GetRequiredService<TriageModels>().Predict("快递一直没送到"));
    }
}

public sealed class TooLittleDataOnSqlite(SqliteApp app) : TooLittleDataTests<SqliteApp>(app);

public sealed class TooLittleDataOnPostgres(PostgresApp app) : TooLittleDataTests<PostgresApp>(app);

/// <summary>Two instances on one PostgreSQL database retraining at the same moment (the advisory lock).</summary>
public sealed class TwoInstancesRetrainTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task RetrainsOnTwoInstancesAtOnce_LeaveOneActiveVersion_AndTheOtherInstanceLoadsIt()
    {
        await TriageCases.RegisterConfirmedAsync(app);
        await using var second = new PostgresApp { SharedDatabase = new PostgresDatabase("(shared)", app.ConnectionString), Clock = app.Clock };
        await second.InitializeAsync();
        var (a, b) = (await app.SignInAsync("admin"), await second.SignInAsync("admin"));

        var responses = await Task.WhenAll(
            a.PostAsync($"{TriageCases.Models}/retrain?force=true", null),
            b.PostAsync($"{TriageCases.Models}/retrain?force=true", null));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var active = await app.QueryAsync(db => db.TriageModelVersions.Where(v => v.Kind == TriageModelKind.Category && v.IsActive).Select(v => v.Version).ToListAsync(Test.Ct));
        Assert.Single(active);
        var text = TriageCases.Complaints().First(c => c.Label == "BILLING").Text;
        var predictions = new List<ModelPrediction?>();
        foreach (var host in new RedressApp[] { app, second })
        {
            var models = host.Services.GetRequiredService<TriageModels>();
            await models.RefreshAsync(Test.Ct);
            predictions.Add(models.Predict(text));
        }
        Assert.All(predictions, p => Assert.Equal(active[0], p?.Version));
        Assert.Equal(predictions[0]!.Labels, predictions[1]!.Labels);
    }
}
