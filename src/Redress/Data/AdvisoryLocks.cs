using System.Security.Cryptography;
using System.Text;

namespace Redress.Data;

/// <summary>
/// PostgreSQL advisory locks held to the end of the caller's transaction, on text keys: registrations that share a
/// key take turns for a step, so each sees what the other committed. Each kind of key has a namespace of its own
/// in the id's top three bytes. SQLite's writers take turns already; there this does nothing.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>
    /// Takes the locks in id order, so two transactions locking some of the same keys cannot deadlock. Callers that
    /// take locks of several kinds take them in one fixed order of kinds as well.
    /// </summary>
    public static async Task TakeAsync(RedressDb db, string space, IEnumerable<string> keys, CancellationToken ct)
    {
        if (db.IsSqlite) return;
        foreach (var id in keys.Select(k => Id(space, k)).Distinct().Order())
        {
            await using var command = db.Command("SELECT pg_advisory_xact_lock(@lock)").Bind("@lock", id);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A 64-bit lock id: the space's three ASCII letters, then 40 bits of the key's SHA-256.</summary>
    public static long Id(string space, string key)
    {
        if (space.Length != 3) throw new ArgumentException("A lock space is three letters.", nameof(space));
        var hash = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) & 0xFF_FFFF_FFFF;
        return ((long)space[0] << 56) | ((long)space[1] << 48) | ((long)space[2] << 40) | hash;
    }
}
