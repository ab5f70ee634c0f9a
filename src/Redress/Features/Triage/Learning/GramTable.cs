using System.Numerics;

namespace Redress.Features.Triage.Learning;

/// <summary>
/// The vocabulary's index of each n-gram, looked up by a 64-bit hash of the gram in one open-addressing array.
/// A <c>Dictionary&lt;string, int&gt;</c> of 200,000 grams costs three cache misses a look-up (the bucket, the
/// entry and the key string to compare), and a complaint's vectorization is hundreds of look-ups; here it is one
/// slot. The gram itself is not compared: with 64-bit hashes, the chance that a gram outside the vocabulary is
/// taken for one inside is about 10⁻¹⁴ a look-up, and two grams of the vocabulary sharing a hash (about 10⁻⁹ a
/// model) leaves the second without a slot, which only drops its feature.
/// </summary>
internal sealed class GramTable
{
    private readonly record struct Slot(ulong Key, int Index);

    private readonly Slot[] _slots;
    private readonly int _mask;

    public GramTable(IReadOnlyList<string> grams)
    {
        // At most half full, so a look-up of an absent gram usually stops at its first or second slot.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, grams.Count * 2));
        (_slots, _mask) = (new Slot[size], size - 1);
        for (var i = 0; i < grams.Count; i++)
        {
            var key = Hash(grams[i]);
            var at = (int)key & _mask;
            while (_slots[at].Key != 0 && _slots[at].Key != key) at = (at + 1) & _mask;
            if (_slots[at].Key == 0) _slots[at] = new Slot(key, i);
        }
    }

    /// <summary>The gram's index in the vocabulary, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> gram)
    {
        var key = Hash(gram);
        for (var at = (int)key & _mask; ; at = (at + 1) & _mask)
        {
            var slot = _slots[at];
            if (slot.Key == key) return slot.Index;
            if (slot.Key == 0) return -1;
        }
    }

    // FNV-1a over the UTF-16 units, then MurmurHash3's finaliser so the low bits that pick the slot depend on
    // every character. Zero marks an empty slot, so no key is zero.
    private static ulong Hash(ReadOnlySpan<char> gram)
    {
        var h = 14695981039346656037UL;
        foreach (var c in gram) h = (h ^ c) * 1099511628211UL;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h == 0 ? 1 : h;
    }
}
