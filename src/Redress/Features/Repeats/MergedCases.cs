using Microsoft.EntityFrameworkCore;
using Redress.Data;

namespace Redress.Features.Repeats;

/// <summary>The duplicates merged into a case, whose timelines and files the case's own pages and API include.</summary>
public static class MergedCases
{
    /// <summary>Id → number of every case merged into <paramref name="caseId"/>, and into those (a merge of a merge), by the partial MergedIntoId index.</summary>
    public static async Task<Dictionary<long, string>> IntoAsync(RedressDb db, long caseId, CancellationToken ct)
    {
        var found = new Dictionary<long, string>();
        List<long> frontier = [caseId];
        for (var level = 0; level < 4 && frontier.Count > 0; level++)
        {
            var next = await db.Cases.AsNoTracking().Where(c => c.MergedIntoId != null && frontier.Contains(c.MergedIntoId.Value))
                .Select(c => new { c.Id, c.Number }).ToListAsync(ct);
            frontier = [.. next.Where(c => found.TryAdd(c.Id, c.Number)).Select(c => c.Id)];
        }
        return found;
    }
}
