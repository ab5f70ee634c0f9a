using System.Collections.Concurrent;

namespace Redress.Features.Portal;

/// <summary>
/// At most <paramref name="limit"/> attempts per key (an address, a case number) within a sliding window, in this
/// instance's memory. Checking and counting are one step, so concurrent attempts cannot slip past the limit.
/// </summary>
public sealed class AttemptWindow(int limit, TimeSpan span, TimeProvider clock)
{
    /// <summary>Past this many keys, a count also forgets the keys whose attempts have all expired.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _byKey = new();

    /// <summary>Counts an attempt; null when allowed, otherwise how long until the oldest attempt leaves the window.</summary>
    public TimeSpan? TryCount(string key)
    {
        var now = clock.GetUtcNow();
        if (_byKey.Count > SweepAbove) Sweep(now);
        var window = _byKey.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            Expire(window, now);
            if (window.Count >= limit) return window.Peek() + span - now;
            window.Enqueue(now);
            return null;
        }
    }

    private void Expire(Queue<DateTimeOffset> window, DateTimeOffset now)
    {
        while (window.Count > 0 && now - window.Peek() >= span) window.Dequeue();
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _byKey)
        {
            lock (window)
            {
                Expire(window, now);
                if (window.Count == 0) _byKey.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, window));
            }
        }
    }
}
