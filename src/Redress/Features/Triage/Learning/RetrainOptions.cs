namespace Redress.Features.Triage.Learning;

/// <summary>Configuration section <c>Triage:Retrain</c>.</summary>
public sealed class RetrainOptions
{
    /// <summary>Whether the scheduler retrains (and re-reads the active models) on its own.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after the last trained version a scheduled retrain is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often an instance re-reads which versions are active (another instance may have retrained).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Fewer confirmed cases than this (after rare labels are dropped): no model, rules alone decide.</summary>
    public int MinimumCases { get; set; } = 200;

    /// <summary>A label with fewer confirmed cases than this cannot be learnt, so it is left out.</summary>
    public int MinimumPerClass { get; set; } = 10;

    /// <summary>The most recent confirmed cases trained on, which bounds training time and memory.</summary>
    public int MaximumCases { get; set; } = 50_000;

    /// <summary>The share held out to measure the new version's accuracy and macro-F1.</summary>
    public double TestShare { get; set; } = 0.2;

    /// <summary>Whether to train a grade model besides the category model.</summary>
    public bool Grade { get; set; } = true;
}
