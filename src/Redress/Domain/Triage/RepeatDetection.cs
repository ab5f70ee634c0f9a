using Redress.Domain.Cases;

namespace Redress.Domain.Triage;

/// <summary>Why a new case is linked to an earlier one.</summary>
public enum CaseLinkKind
{
    /// <summary>重复投诉: the same customer again on the same issue within the window.</summary>
    Repeat,
    /// <summary>The same complaint sent twice (two channels, a resubmitted form): a merge suggestion.</summary>
    Duplicate,
}

public enum LinkReason
{
    SameOrder,
    SameProduct,
    SimilarText,
}

/// <summary>A new complaint as the check reads it.</summary>
public sealed record NewComplaint(string Subject, string Description, ProductReference Product);

/// <summary>One of the customer's recent cases (found through the contact indexes).</summary>
public sealed record EarlierCase(long Id, string Number, DateTime CreatedAt, bool IsOpen, string? OrderNumber, string? Sku, string? ProductName, string Subject, string Description);

/// <param name="Score">Text similarity 0 … 1 for <see cref="LinkReason.SimilarText"/> and duplicates; 1 for a same order or product.</param>
public sealed record LinkFinding(long CaseId, string Number, CaseLinkKind Kind, LinkReason Reason, double Score);

/// <summary>
/// R-CL-4 repeat complaints and issue 5's duplicates, configuration Triage:Repeat. Seed 001 p6: 重复投诉 is "the same
/// customer complaining about the same problem several times in a short period; handle it first and solve the
/// root cause". So a repeat is flagged, raised one grade (四级 → 三级 → 二级, never above 二级 by this rule alone:
/// 一级 is for the safety and legal cases of 升级投诉) and needs its root cause before it closes.
/// A duplicate is the same text again within hours while the first is still open: not a new complaint, so it is
/// not a repeat either; it gets a merge suggestion.
/// </summary>
public sealed class RepeatDetection
{
    public const string RuleName = "Repeat complaint";

    public bool Enabled { get; set; } = true;
    /// <summary>Put the flag and the raised grade on the case at registration (on the timeline, naming the earlier cases).</summary>
    public bool Apply { get; set; } = true;
    public int WindowDays { get; set; } = 30;
    /// <summary>Similarity from which two complaints of one customer are on the same issue (see <see cref="TextSimilarity"/>).</summary>
    public double SimilarText { get; set; } = 0.25;
    public int DuplicateHours { get; set; } = 72;
    /// <summary>Similarity from which a second complaint is the first one again.</summary>
    public double DuplicateText { get; set; } = 0.8;
    /// <summary>Earlier cases read per contact key, newest first: the work stays bounded for a contact who files hundreds.</summary>
    public int MaxEarlier { get; set; } = 10;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>
    /// How much of a description is compared: the start of a complaint says what it is about, and a 10,000-character
    /// narrative would cost the check milliseconds. The look-up reads no more than this (FindRepeats.EarlierSql).
    /// </summary>
    public const int ComparedLength = 2_000;

    /// <summary>The text compared: the subject and the start of the description.</summary>
    public static string TextOf(string subject, string description) =>
        subject + "\n" + (description.Length > ComparedLength ? description[..ComparedLength] : description);

    /// <summary>The grade a repeat is raised to: one level more severe, at most to 二级.</summary>
    public static int RaisedGrade(int grade) => grade <= 2 ? grade : grade - 1;

    /// <summary>The links of a new case to the customer's earlier ones: at most one per earlier case, newest first.</summary>
    public IReadOnlyList<LinkFinding> Judge(NewComplaint complaint, IEnumerable<EarlierCase> earlier, DateTime now)
    {
        var text = TextSimilarity.Shingles(TextOf(complaint.Subject, complaint.Description));
        var found = new List<LinkFinding>();
        foreach (var e in earlier.Where(e => e.CreatedAt >= now - Window && e.CreatedAt <= now).DistinctBy(e => e.Id).OrderByDescending(e => e.CreatedAt))
        {
            var score = Math.Round(TextSimilarity.Jaccard(text, TextSimilarity.Shingles(TextOf(e.Subject, e.Description))), 3);
            var orders = Compare(complaint.Product.OrderNumber, e.OrderNumber);
            if (e.IsOpen && e.CreatedAt >= now.AddHours(-DuplicateHours) && score >= DuplicateText && orders != false)
                found.Add(new LinkFinding(e.Id, e.Number, CaseLinkKind.Duplicate, LinkReason.SimilarText, score));
            else if (orders == true)
                found.Add(new LinkFinding(e.Id, e.Number, CaseLinkKind.Repeat, LinkReason.SameOrder, 1));
            else if (Compare(complaint.Product.Sku, e.Sku) == true || Compare(complaint.Product.ProductName, e.ProductName) == true)
                found.Add(new LinkFinding(e.Id, e.Number, CaseLinkKind.Repeat, LinkReason.SameProduct, 1));
            else if (score >= SimilarText)
                found.Add(new LinkFinding(e.Id, e.Number, CaseLinkKind.Repeat, LinkReason.SimilarText, score));
        }
        return found;
    }

    /// <summary>The repeat flag with its reasons (the earlier cases), applied with the raised grade when configured to.</summary>
    public TriageSuggestion AddTo(TriageSuggestion suggestion, IReadOnlyList<LinkFinding> links, int grade)
    {
        var repeats = links.Where(l => l.Kind == CaseLinkKind.Repeat).ToList();
        if (repeats.Count == 0) return suggestion;
        var confidence = Math.Round(repeats.Max(l => l.Reason switch
        {
            LinkReason.SameOrder => 0.9,
            LinkReason.SameProduct => 0.75,
            _ => Math.Min(0.9, 0.5 + l.Score),
        }), 2);
        var cues = repeats.Select(l => new Cue(CueOf(l.Reason), l.Number, (int)Math.Round(l.Score * 100))).ToList();
        var with = suggestion.WithFlag(new FlagSuggestion(CaseFlags.Repeat, confidence, SuggestionSource.Repeat, RuleName, cues, Apply));
        return Apply
            ? with with { Applied = [.. with.Applied, new AppliedRule(0, RuleName, RaisedGrade(grade), CaseFlags.Repeat, [.. repeats.Select(l => l.Number)])] }
            : with;
    }

    public static CueKind CueOf(LinkReason reason) => reason switch
    {
        LinkReason.SameOrder => CueKind.SameOrder,
        LinkReason.SameProduct => CueKind.SameProduct,
        _ => CueKind.SimilarText,
    };

    /// <summary>True: both given and equal; false: both given and different; null: one is missing.</summary>
    private static bool? Compare(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) ? null : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
