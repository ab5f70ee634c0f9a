using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Triage.Learning;

/// <summary>What the active model of one kind says about a text.</summary>
/// <param name="Labels">Best first, with probabilities (category codes, or grades "1"…"4").</param>
/// <param name="Features">The n-grams of the text that pushed most towards the best label: the reason to show.</param>
public sealed record ModelPrediction(TriageModelKind Kind, int Version, IReadOnlyList<LabelScore> Labels, IReadOnlyList<WeighingFeature> Features)
{
    public LabelScore Best => Labels[0];
}

/// <summary>
/// The active learned models, in memory, for the suggestion pipeline. <see cref="Predict(string)"/> is safe
/// from any number of threads: a <see cref="TextClassifier"/> never changes, and a refresh swaps the whole
/// set at once. It answers null while there is no active model (too little confirmed data): rules alone decide.
/// The set is read at start and after every retrain, and the scheduler re-reads it so that an instance
/// picks up a model another instance trained.
/// </summary>
public sealed partial class TriageModels(IDbContextFactory<RedressDb> dbs, ILogger<TriageModels> logger)
{
    private sealed record Loaded(long Id, int Version, TextClassifier Model);

    private volatile FrozenDictionary<TriageModelKind, Loaded> _active = FrozenDictionary<TriageModelKind, Loaded>.Empty;

    /// <summary>The category the active category model suggests, or null without one.</summary>
    public ModelPrediction? Predict(string text) => Predict(TriageModelKind.Category, text);

    public ModelPrediction? Predict(TriageModelKind kind, string text)
    {
        if (!_active.TryGetValue(kind, out var loaded) || string.IsNullOrWhiteSpace(text)) return null;
        var p = loaded.Model.Predict(text);
        return new ModelPrediction(kind, loaded.Version, p.Labels, p.Features);
    }

    /// <summary>The version in use per kind.</summary>
    public IReadOnlyDictionary<TriageModelKind, int> ActiveVersions => _active.ToDictionary(kv => kv.Key, kv => kv.Value.Version);

    /// <summary>Loads the active versions that differ from those in memory; a cheap query when nothing changed.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var active = await db.TriageModelVersions.AsNoTracking().Where(v => v.IsActive)
            .Select(v => new { v.Id, v.Kind, v.Version }).ToListAsync(ct);
        var current = _active;
        if (active.Count == current.Count && active.All(a => current.TryGetValue(a.Kind, out var l) && l.Id == a.Id)) return;
        var next = new Dictionary<TriageModelKind, Loaded>();
        foreach (var a in active)
        {
            if (current.TryGetValue(a.Kind, out var same) && same.Id == a.Id)
            {
                next[a.Kind] = same;
                continue;
            }
            var bytes = await db.TriageModelVersions.Where(v => v.Id == a.Id).Select(v => v.Model).SingleAsync(ct);
            next[a.Kind] = new Loaded(a.Id, a.Version, ClassifierFile.Read(bytes));
            LogLoaded(a.Kind, a.Version);
        }
        _active = next.ToFrozenDictionary();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage model {Kind} v{Version} loaded.")]
    private partial void LogLoaded(TriageModelKind kind, int version);
}
