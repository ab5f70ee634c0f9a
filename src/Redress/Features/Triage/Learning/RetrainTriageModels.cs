using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;

namespace Redress.Features.Triage.Learning;

public enum RetrainResult { Trained, UpToDate, TooLittleData }

public sealed record RetrainOutcome(TriageModelKind Kind, RetrainResult Result, int? Version, int SampleCount, double? Accuracy, double? MacroF1, string Detail);

/// <summary>
/// Trains a new version of each model from the organisation's confirmed cases (a category set by a person;
/// text = subject + description), measures it on a stratified held-out fifth, stores it and makes it the
/// active one. Idempotent: when the (case, label) pairs are the ones the latest version was trained on, it
/// trains nothing unless forced. With too few cases, or too few kinds of case, it stores nothing and the
/// rules alone decide. One retrain runs at a time across all instances (<see cref="TrainingLock"/>).
/// </summary>
public sealed class RetrainTriageModels(IDbContextFactory<RedressDb> dbs, TriageModels models, RetrainOptions options, TimeProvider clock)
{
    public static readonly Error Busy = Error.Conflict("triage.retrain_running", "Another retrain is running; try again when it has finished.");

    public async Task<Result<IReadOnlyList<RetrainOutcome>>> RunAsync(bool force, string trainedBy, CancellationToken ct)
    {
        await using var held = await TrainingLock.TryTakeAsync(dbs, ct);
        if (held is null) return Busy;
        var kinds = options.Grade ? new[] { TriageModelKind.Category, TriageModelKind.Grade } : [TriageModelKind.Category];
        var outcomes = new List<RetrainOutcome>();
        foreach (var kind in kinds) outcomes.Add(await RetrainAsync(kind, force, trainedBy, ct));
        await models.RefreshAsync(ct);
        if (outcomes.All(o => o.Result == RetrainResult.TooLittleData))
            return Error.Conflict("triage.too_little_data", outcomes[0].Detail);
        return outcomes;
    }

    private async Task<RetrainOutcome> RetrainAsync(TriageModelKind kind, bool force, string trainedBy, CancellationToken ct)
    {
        var (examples, hash, dropped) = await ConfirmedAsync(kind, ct);
        var labels = examples.Select(e => e.Label).Distinct().Count();
        if (examples.Count < options.MinimumCases || labels < 2)
            return new(kind, RetrainResult.TooLittleData, null, examples.Count, null, null,
                $"A model needs at least {options.MinimumCases} confirmed cases in two or more labels with {options.MinimumPerClass} each; there are {examples.Count} in {labels} ({dropped} more in rarer labels).");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var latest = await db.TriageModelVersions.AsNoTracking().Where(v => v.Kind == kind).OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.DataHash, v.Accuracy, v.MacroF1 }).FirstOrDefaultAsync(ct);
        if (!force && latest is not null && latest.DataHash == hash)
            return new(kind, RetrainResult.UpToDate, latest.Version, examples.Count, latest.Accuracy, latest.MacroF1, "No confirmed cases changed since this version.");

        var (train, test) = LabelledSplit.Stratified(examples, options.TestShare, TrainingOptions.ProductSeed);
        var trained = await Task.Run(() => TrainTextClassifier.Train(train, TrainingOptions.Product), ct);
        var metrics = new ClassificationMetrics(test.Select(t => t.Label).ToList(), test.Select(t => trained.Model.PredictLabel(t.Text)).ToList());
        var version = new TriageModelVersion
        {
            Kind = kind, TrainedAt = clock.GetUtcNow().UtcDateTime, TrainedBy = trainedBy, SampleCount = examples.Count, TestCount = test.Count,
            ClassCounts = JsonSerializer.Serialize(examples.GroupBy(e => e.Label).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count())),
            Accuracy = metrics.Accuracy, MacroF1 = metrics.MacroF1, TrainingSeconds = trained.Took.TotalSeconds, DataHash = hash,
            Model = ClassifierFile.Write(trained.Model), IsActive = true,
        };
        await using var tx = await db.BeginWriteAsync(ct);
        version.Version = (await db.TriageModelVersions.Where(v => v.Kind == kind).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        await db.TriageModelVersions.Where(v => v.Kind == kind && v.IsActive).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsActive, false), ct);
        db.TriageModelVersions.Add(version);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(kind, RetrainResult.Trained, version.Version, examples.Count, metrics.Accuracy, metrics.MacroF1, $"Trained on {train.Count}, measured on {test.Count}.");
    }

    private async Task<(List<LabelledText> Examples, string Hash, int Dropped)> ConfirmedAsync(TriageModelKind kind, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Cases.AsNoTracking().Where(c => c.CategoryId != null).OrderByDescending(c => c.Id).Take(options.MaximumCases)
            .Join(db.Categories, c => c.CategoryId, g => g.Id, (c, g) => new { c.Id, c.Subject, c.Description, g.Code, c.Grade })
            .ToListAsync(ct);
        var labelled = rows.OrderBy(r => r.Id)
            .Select(r => (r.Id, Example: new LabelledText(r.Subject + "\n" + r.Description, kind == TriageModelKind.Grade ? r.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Code)))
            .ToList();
        var common = labelled.GroupBy(r => r.Example.Label).Where(g => g.Count() >= options.MinimumPerClass).Select(g => g.Key).ToHashSet();
        var kept = labelled.Where(r => common.Contains(r.Example.Label)).ToList();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', kept.Select(r => $"{r.Id}:{r.Example.Label}")))));
        return (kept.Select(r => r.Example).ToList(), hash, labelled.Count - kept.Count);
    }
}
