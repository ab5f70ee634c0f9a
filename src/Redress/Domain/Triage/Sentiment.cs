namespace Redress.Domain.Triage;

/// <summary>
/// Reads the customer's sentiment (-1 … 1) and anger (calm … furious) from a lexicon, in one pass: a negation
/// turns the next sentiment word of its clause around (不好吃, not happy), an intensifier multiplies it
/// (非常差, very rude); exclamation marks, repeated punctuation (！！, ??), words in capitals and threats to take
/// it further (投诉, 曝光, a lawyer) raise the anger of a negative text. Explainable by design: every point
/// comes with the cue that earned it.
/// </summary>
public static class Sentiment
{
    private static readonly KeywordAutomaton Words = new([.. SentimentLexicon.Entries.Select(e => e.Word)]);

    /// <summary>Acronyms written in capitals by everyone, which say nothing about the writer's mood.</summary>
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "CFPB", "FCA", "FTC", "BBB", "USA", "ATM", "CEO", "LLC", "INC", "USPS", "UPS", "DHL", "FBI", "IRS", "SSN", "PIN", "APR", "FICO", "TV", "GPS", "APP", "SMS", "VIP", "OK", "ID",
    };

    public static SentimentReading Read(TriageText text)
    {
        var hits = new List<KeywordHit>();
        Words.Scan(text.Lower, hits);
        var cues = new List<Cue>();
        var (sum, anger, threats) = (0.0, 0.0, 0);
        var (negatedAt, intensifiedAt, multiplier) = (-1, -1, 1.0);
        // Where the phrase a cue quotes begins: the negation or intensifier before the word, when there is one.
        var (negatedFrom, intensifiedFrom) = (0, 0);
        foreach (var hit in KeywordAutomaton.LongestLeftmost(hits))
        {
            var entry = SentimentLexicon.Entries[hit.Entry];
            switch (entry.Kind)
            {
                case LexiconKind.Neutral:
                    continue;
                case LexiconKind.Negator:
                    (negatedFrom, negatedAt) = (hit.Start, hit.End);
                    continue;
                case LexiconKind.Intensifier:
                    (intensifiedFrom, intensifiedAt, multiplier) = (hit.Start, hit.End, entry.Weight);
                    continue;
            }
            var weight = entry.Weight;
            var negated = negatedAt >= 0 && Near(text.Lower, negatedAt, hit.Start);
            var intensified = intensifiedAt >= 0 && Near(text.Lower, intensifiedAt, hit.Start);
            // "Not good" is bad; "not bad" is only a little good.
            if (negated) weight = -weight * (weight > 0 ? 0.8 : 0.5);
            if (intensified) weight *= multiplier;
            sum += weight;
            (negatedAt, intensifiedAt) = (-1, -1);
            if (entry.Kind == LexiconKind.Threat && threats++ < 2) anger += 1.5;
            if (entry.Kind == LexiconKind.Anger) anger += 1.2;
            var from = Math.Min(negated ? negatedFrom : hit.Start, intensified ? intensifiedFrom : hit.Start);
            cues.Add(new Cue(CueOf(entry.Kind, negated, weight), text.Lower[from..hit.End]));
        }
        var (exclamations, repeats) = Punctuation(text.Folded);
        var capitals = Capitals(text.Folded);
        var upset = sum < 0 || anger > 0;
        if (upset)
        {
            anger += Math.Max(0, -sum) * 0.8 + 0.3 * Math.Min(exclamations, 5) + 0.7 * Math.Min(repeats, 3) + (capitals >= 5 ? 2 : capitals >= 2 ? 1 : 0);
            // Shouting makes a complaint read more negative, never a compliment less positive.
            sum *= 1 + 0.1 * Math.Min(exclamations, 5) + 0.1 * Math.Min(repeats, 3);
        }
        if (exclamations > 0) cues.Add(new Cue(CueKind.Exclamation, "!", exclamations));
        if (repeats > 0) cues.Add(new Cue(CueKind.RepeatedPunctuation, "!!", repeats));
        if (capitals >= 2) cues.Add(new Cue(CueKind.AllCaps, "ABC", capitals));
        var level = anger < 1 ? AngerLevel.Calm : anger < 2.5 ? AngerLevel.Annoyed : anger < 4 ? AngerLevel.Angry : AngerLevel.Furious;
        var confidence = Math.Min(0.95, 0.35 + 0.12 * cues.Count);
        return new SentimentReading(Math.Round(Math.Tanh(sum / 2.5), 3), level, Math.Round(confidence, 2), cues);
    }

    private static CueKind CueOf(LexiconKind kind, bool negated, double weight) => kind switch
    {
        LexiconKind.Threat => CueKind.Threat,
        LexiconKind.Anger => CueKind.Anger,
        _ when negated => CueKind.NegatedSentiment,
        _ => weight > 0 ? CueKind.Positive : CueKind.Negative,
    };

    /// <summary>
    /// Whether a negation or intensifier ending at <paramref name="from"/> reaches a word starting at
    /// <paramref name="to"/>: at most two Chinese characters or two words between, and no clause break.
    /// </summary>
    private static bool Near(string lower, int from, int to)
    {
        var units = 0;
        var inWord = false;
        for (var i = from; i < to; i++)
        {
            var c = lower[i];
            if (TriageText.IsClauseBreak(c)) return false;
            if (TriageText.IsCjk(c))
            {
                units++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || c == '\'')
            {
                if (!inWord) units++;
                inWord = true;
            }
            else inWord = false;
            if (units > 2) return false;
        }
        return true;
    }

    /// <summary>Exclamation marks, and runs of two or more ! or ? (NFKC has made ！ and ？ ASCII).</summary>
    private static (int Exclamations, int Repeats) Punctuation(string folded)
    {
        var (exclamations, repeats, run) = (0, 0, 0);
        foreach (var c in folded)
        {
            if (c == '!') exclamations++;
            if (c is '!' or '?')
            {
                if (++run == 2) repeats++;
            }
            else run = 0;
        }
        return (exclamations, repeats);
    }

    /// <summary>Words of three or more letters all in capitals, not acronyms and not CFPB's XXXX redactions.</summary>
    private static int Capitals(string folded)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsAsciiLetter(folded[i]);
            if (letter && start < 0) start = i;
            if (letter || start < 0) continue;
            var word = folded[start..i];
            start = -1;
            if (word.Length >= 3 && word.All(char.IsAsciiLetterUpper) && word.Any(c => c != 'X') && !Acronyms.Contains(word)) count++;
        }
        return count;
    }
}
