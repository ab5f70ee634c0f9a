using System.Globalization;
using Redress.Domain.Triage;
using Redress.Features.Reference;

namespace Redress.Features.Triage;

/// <summary>What a learned model says of a text: labels best first with probabilities, and the n-grams behind the best.</summary>
public sealed record ModelGuess(IReadOnlyList<(string Label, double Probability)> Labels, IReadOnlyList<string> Features);

/// <summary>
/// The learned classifier's seat in the suggestion: its labels with their probabilities for a text, or null while
/// there is no active model (Features/Triage/Learning registers the model's instance in place of <see cref="None"/>).
/// A label is a category code or id of the taxonomy; labels the taxonomy does not know, or whose category is
/// inactive, are dropped, so a model trained before a category was retired cannot suggest it.
/// </summary>
public sealed class LearnedGuesses(Func<string, ModelGuess?> predict)
{
    public static readonly LearnedGuesses None = new(_ => null);

    public IReadOnlyList<LearnedCategory> Guess(string text, ReferenceData.Snapshot refs)
    {
        if (predict(text) is not { Labels.Count: > 0 } guess) return [];
        var byCode = refs.Categories.Values.Where(c => c.Active).ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var result = new List<LearnedCategory>(guess.Labels.Count);
        foreach (var (label, probability) in guess.Labels)
        {
            // The features explain the best label only.
            var features = result.Count == 0 && label == guess.Labels[0].Label ? guess.Features : null;
            if (byCode.TryGetValue(label, out var id)) result.Add(new LearnedCategory(id, probability, features));
            else if (int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var asId) && refs.Categories.TryGetValue(asId, out var c) && c.Active)
                result.Add(new LearnedCategory(asId, probability, features));
        }
        return result;
    }
}
