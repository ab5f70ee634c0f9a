namespace Redress.Domain.Triage;

/// <summary>One occurrence of an entry in a text: where it starts, how long it is, which entry.</summary>
public readonly record struct KeywordHit(int Start, int Length, int Entry)
{
    public int End => Start + Length;
}

/// <summary>
/// Aho-Corasick over all the words of all the rules (or of a lexicon): one pass over the text finds every
/// occurrence of every word, however many words there are, so a few hundred rules cost what one does.
/// Built once per rule set. Words are matched in lowercase. Chinese words match anywhere (Chinese has no
/// spaces); words with ASCII letters or digits match whole words only, so "sue" is not found in "issue",
/// unless they end in *, which matches any ending ("injur*": injury, injured).
/// </summary>
public sealed class KeywordAutomaton
{
    private readonly Dictionary<long, int> _next = [];
    private readonly List<int> _fail = [0];
    private readonly List<int[]> _outputs = [[]];
    private readonly string[] _words;
    private readonly bool[] _whole;
    private readonly bool[] _prefix;

    /// <param name="words">Each entry's word; an entry's index is its id in the hits.</param>
    public KeywordAutomaton(IReadOnlyList<string> words)
    {
        _words = new string[words.Count];
        _whole = new bool[words.Count];
        _prefix = new bool[words.Count];
        var own = new List<List<int>> { new() };
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Trim().ToLowerInvariant();
            _prefix[i] = word.EndsWith('*');
            word = word.TrimEnd('*');
            _words[i] = word;
            _whole[i] = word.Any(char.IsAsciiLetterOrDigit);
            if (word.Length == 0) continue;
            var node = 0;
            foreach (var c in word)
            {
                if (!_next.TryGetValue(Key(node, c), out var child))
                {
                    child = own.Count;
                    own.Add([]);
                    _fail.Add(0);
                    _next[Key(node, c)] = child;
                }
                node = child;
            }
            own[node].Add(i);
        }
        Link(own);
    }

    public int Count => _words.Length;

    public string WordOf(int entry) => _words[entry];

    /// <summary>Every occurrence of every entry in <paramref name="lower"/> (already lowercased), in order of their end.</summary>
    public void Scan(string lower, List<KeywordHit> hits)
    {
        var state = 0;
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            while (true)
            {
                if (_next.TryGetValue(Key(state, c), out var next))
                {
                    state = next;
                    break;
                }
                if (state == 0) break;
                state = _fail[state];
            }
            foreach (var entry in _outputs[state])
            {
                var length = _words[entry].Length;
                var start = i + 1 - length;
                if (_whole[entry] && !AtBoundary(lower, start, i + 1, _prefix[entry])) continue;
                hits.Add(new KeywordHit(start, length, entry));
            }
        }
    }

    /// <summary>
    /// Of overlapping hits, the longest leftmost: 不满意 is one word, not 不 + 满意; 态度恶劣 not 恶劣 alone.
    /// </summary>
    public static List<KeywordHit> LongestLeftmost(List<KeywordHit> hits)
    {
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<KeywordHit>(hits.Count);
        var reach = 0;
        foreach (var hit in hits)
        {
            if (hit.Start < reach) continue;
            kept.Add(hit);
            reach = hit.End;
        }
        return kept;
    }

    private static bool AtBoundary(string text, int start, int end, bool prefix)
    {
        if (start > 0 && IsWordChar(text[start - 1])) return false;
        return prefix || end >= text.Length || !IsWordChar(text[end]);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static long Key(int node, char c) => ((long)node << 16) | c;

    /// <summary>Failure links breadth first, and each node's outputs merged with its failure node's.</summary>
    private void Link(List<List<int>> own)
    {
        var children = new List<(int Child, char C)>[own.Count];
        foreach (var (key, child) in _next) (children[(int)(key >> 16)] ??= []).Add((child, (char)(key & 0xFFFF)));
        var queue = new Queue<int>();
        var outputs = new int[own.Count][];
        outputs[0] = [.. own[0]];
        foreach (var (child, _) in children[0] ?? [])
        {
            _fail[child] = 0;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            outputs[node] = [.. own[node], .. outputs[_fail[node]]];
            foreach (var (child, c) in children[node] ?? [])
            {
                var f = _fail[node];
                while (!_next.ContainsKey(Key(f, c)) && f != 0) f = _fail[f];
                _fail[child] = _next.TryGetValue(Key(f, c), out var target) && target != child ? target : 0;
                queue.Enqueue(child);
            }
        }
        _outputs.Clear();
        _outputs.AddRange(outputs);
    }
}
