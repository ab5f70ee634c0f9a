namespace Redress.Features.Triage.Learning;

/// <summary>What a learned model suggests.</summary>
public enum TriageModelKind
{
    /// <summary>The category code (分类) agents confirmed.</summary>
    Category,

    /// <summary>The grade (等级 1-4) agents confirmed.</summary>
    Grade,
}

/// <summary>
/// One trained model: what it was trained on, how it measured on the held-out part of that data, and the
/// model itself (<see cref="ClassifierFile"/>). Versions are kept, never overwritten; at most one per kind is
/// active (a filtered unique index), and that one is what <see cref="TriageModels"/> predicts with.
/// </summary>
public sealed class TriageModelVersion
{
    public long Id { get; set; }
    public TriageModelKind Kind { get; set; }

    /// <summary>1, 2, 3 … per kind.</summary>
    public int Version { get; set; }

    public DateTime TrainedAt { get; set; }
    public string TrainedBy { get; set; } = "";

    /// <summary>Confirmed cases used, training and held-out parts together.</summary>
    public int SampleCount { get; set; }
    public int TestCount { get; set; }

    /// <summary>JSON object label → number of cases, after rare labels were dropped.</summary>
    public string ClassCounts { get; set; } = "{}";

    public double Accuracy { get; set; }
    public double MacroF1 { get; set; }
    public double TrainingSeconds { get; set; }

    /// <summary>SHA-256 of the (case, label) pairs trained on: a scheduled retrain with the same data is skipped.</summary>
    public string DataHash { get; set; } = "";

    public byte[] Model { get; set; } = [];
    public bool IsActive { get; set; }
}
