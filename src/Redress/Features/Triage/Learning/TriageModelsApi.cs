using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Web;

namespace Redress.Features.Triage.Learning;

/// <summary>A stored model version as administrators see it (without its bytes).</summary>
public sealed record TriageModelItem(long Id, TriageModelKind Kind, int Version, DateTime TrainedAt, string TrainedBy, int SampleCount, int TestCount,
    double Accuracy, double MacroF1, double TrainingSeconds, bool IsActive, IReadOnlyDictionary<string, int> ClassCounts);

/// <summary>The learned models' administration: the versions with their measured quality, and a retrain.</summary>
public static class TriageModelsApi
{
    public static IServiceCollection AddTriageLearning(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Triage:Retrain").Get<RetrainOptions>() ?? new RetrainOptions());
        services.AddSingleton<TriageModels>();
        // The suggestion for a new case asks the active category model; with none, rules alone decide.
        services.AddSingleton(sp =>
        {
            var models = sp.GetRequiredService<TriageModels>();
            return new LearnedGuesses(text => models.Predict(text) is { } p
                ? new ModelGuess([.. p.Labels.Select(l => (l.Label, l.Probability))], [.. p.Features.Select(f => f.Feature)])
                : null);
        });
        services.AddSingleton<RetrainTriageModels>();
        services.AddHostedService<RetrainScheduler>();
        return services;
    }

    public static RouteGroupBuilder MapTriageModelsApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/admin/triage/models").WithTags("Administration").RequireAuthorization("Admin");
        models.MapGet("", async (IDbContextFactory<RedressDb> dbs, CancellationToken ct) => TypedResults.Ok(await ListAsync(dbs, ct)))
            .WithSummary("Every trained version of the learned triage models, newest first, with accuracy and macro-F1 measured on held-out cases.");
        models.MapPost("/retrain", async Task<Results<Ok<IReadOnlyList<RetrainOutcome>>, ProblemHttpResult>> (bool? force, RetrainTriageModels retrain, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var result = await retrain.RunAsync(force ?? false, user.ToActor().Name, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error!);
            })
            .WithSummary("Retrain from the confirmed cases now (force=true even when they have not changed). 409 when another retrain runs or there is too little data.");
        return models;
    }

    public static async Task<List<TriageModelItem>> ListAsync(IDbContextFactory<RedressDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.TriageModelVersions.AsNoTracking().OrderByDescending(v => v.TrainedAt).ThenByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Kind, v.Version, v.TrainedAt, v.TrainedBy, v.SampleCount, v.TestCount, v.Accuracy, v.MacroF1, v.TrainingSeconds, v.IsActive, v.ClassCounts })
            .ToListAsync(ct);
        return rows.Select(v => new TriageModelItem(v.Id, v.Kind, v.Version, v.TrainedAt, v.TrainedBy, v.SampleCount, v.TestCount, v.Accuracy, v.MacroF1,
            v.TrainingSeconds, v.IsActive, JsonSerializer.Deserialize<Dictionary<string, int>>(v.ClassCounts) ?? [])).ToList();
    }
}
