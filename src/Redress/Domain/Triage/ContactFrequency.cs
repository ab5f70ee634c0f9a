using System.Globalization;
using Redress.Domain.Cases;

namespace Redress.Domain.Triage;

/// <summary>
/// R-CL-6: many complaints from one contact (normalised phone, email or customer id) in a short time suggest a
/// malicious complainant, to be verified by a person. Configuration Triage:ContactFrequency. By default only
/// a suggestion: the flag labels a customer, so a person decides (ADR 0010); Apply puts it on the case.
/// </summary>
public sealed class ContactFrequency
{
    public const string RuleName = "Contact frequency";

    /// <summary>Complaints within the window, counting the new one, that raise the flag.</summary>
    public int Threshold { get; set; } = 5;
    public int WithinHours { get; set; } = 24;
    public bool Apply { get; set; }

    public TimeSpan Window => TimeSpan.FromHours(WithinHours);

    /// <summary>The flag for a new case whose contact filed <paramref name="earlier"/> other cases within the window.</summary>
    public FlagSuggestion? Judge(int earlier)
    {
        var count = earlier + 1;
        if (Threshold < 1 || count < Threshold) return null;
        // Past the threshold the suspicion grows: 5 of 5 → 0.6, 10 → 0.8.
        var confidence = Math.Round(Math.Min(0.95, 0.6 + 0.2 * (count - Threshold) / Math.Max(Threshold, 1)), 2);
        return new FlagSuggestion(CaseFlags.SuspectedMalicious, confidence, SuggestionSource.ContactFrequency, RuleName,
            [new Cue(CueKind.ContactCount, WithinHours.ToString(CultureInfo.InvariantCulture), count)], Apply);
    }

    /// <summary>The suggestion with this check's flag, and its application when configured to apply.</summary>
    public TriageSuggestion AddTo(TriageSuggestion suggestion, int earlier)
    {
        if (Judge(earlier) is not { } flag) return suggestion;
        var with = suggestion.WithFlag(flag);
        return Apply ? with with { Applied = [.. with.Applied, new AppliedRule(0, RuleName, null, CaseFlags.SuspectedMalicious, [])] } : with;
    }
}
