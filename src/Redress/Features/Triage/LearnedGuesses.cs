using System.Globalization;
using Redress.Domain.Triage;
using Redress.Features.Reference;

namespace Redress.Features.Triage;

/// <summary>
/// The learned classifier's seat in the suggestion: its labels with their probabilities for a text. Empty until
/// a model is wired in (Features/Triage/Learning registers its own instance in place of <see cref="None"/>).
/// A label is a category code or id of the taxonomy; labels the taxonomy does not know, or whose category is
/// inactive, are dropped, so a model trained before a category was retired cannot suggest it.
/// </summary>
public sealed class LearnedGuesses(Func<string, IReadOnlyList<(string Label, double Probability)>> predict)
{
    public static readonly LearnedGuesses None = new(_ => []);

    public IReadOnlyList<LearnedCategory> Guess(string text, ReferenceData.Snapshot refs)
    {
        var guesses = predict(text);
        if (guesses.Count == 0) return [];
        var byCode = refs.Categories.Values.Where(c => c.Active).ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var result = new List<LearnedCategory>(guesses.Count);
        foreach (var (label, probability) in guesses)
        {
            if (byCode.TryGetValue(label, out var id)) result.Add(new LearnedCategory(id, probability));
            else if (int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var asId) && refs.Categories.TryGetValue(asId, out var c) && c.Active)
                result.Add(new LearnedCategory(asId, probability));
        }
        return result;
    }
}
