using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Routing;

namespace Redress.Features.Routing;

/// <summary>
/// The people routing may choose in a department: its members with the Handler role whose accounts are not locked
/// by an administrator. Leads assign rather than receive; they can still take a case by hand.
/// </summary>
internal static class HandlerPool
{
    public static async Task<List<Candidate>> MembersAsync(RedressDb db, int department, bool countOpen, DateTime now, CancellationToken ct)
    {
        var handler = nameof(Role.Handler);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Departments.Any(x => x.DepartmentId == department)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == handler)))
            .Select(u => new { u.Id, u.DisplayName, u.Away, u.AwayUntil, u.LockoutEnd })
            .ToListAsync(ct);
        // Compared here: SQLite cannot compare DateTimeOffset in a query. An administrator's lock is for ever.
        rows.RemoveAll(u => u.LockoutEnd == DateTimeOffset.MaxValue);
        var open = countOpen ? await OpenCasesAsync(db, [.. rows.Select(u => u.Id)], ct) : [];
        return [.. rows.Select(u => new Candidate(u.Id, u.DisplayName, HandlerChoice.IsAway(u.Away, u.AwayUntil, now), open.GetValueOrDefault(u.Id)))];
    }

    /// <summary>
    /// Past this many open cases, "least open" stops telling people apart (they tie and take turns): counting stays a
    /// bounded range of the (AssigneeId, IsOpen, …) index however much work someone holds, never a scan of cases.
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>Open cases per person, up to <see cref="CountCap"/>, in one statement.</summary>
    public static async Task<Dictionary<string, int>> OpenCasesAsync(RedressDb db, List<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var sql = new StringBuilder();
        for (var i = 0; i < userIds.Count; i++)
        {
            if (i > 0) sql.Append(" UNION ALL ");
            sql.Append(CultureInfo.InvariantCulture,
                $"""SELECT {i} AS i, COUNT(*) AS n FROM (SELECT 1 FROM "Cases" WHERE "AssigneeId" = @u{i} AND "IsOpen" = @open LIMIT {CountCap}) AS o{i}""");
        }
        var opened = db.Database.GetDbConnection().State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Command(sql.ToString()).Bind("@open", true);
            for (var i = 0; i < userIds.Count; i++) command.Bind($"@u{i}", userIds[i]);
            var counts = new Dictionary<string, int>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                counts[userIds[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)]] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            return counts;
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
