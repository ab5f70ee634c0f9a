using System.Globalization;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.Features.Incidents;

/// <summary>
/// 群体投诉 on create (ADR 0011): stores the new case's group keys, then joins it to the incident running for one
/// of them, or opens one when the key's distinct customers in the window reach the threshold. Runs in
/// registration's write transaction. On PostgreSQL, where registrations run concurrently, a transaction-scoped
/// advisory lock per key makes the same key's registrations take turns for this step, so each counts the
/// others' committed rows (without it, eight arriving together would each count only itself); on SQLite writers
/// take turns already. It is taken after the repeat check's lock on the contact (<see cref="AdvisoryLocks"/>).
/// The unique index on a running incident's key backs this up: a loser of that insert joins the winner's incident.
/// Every statement is a seek or a range of one key's window: never a scan.
/// </summary>
public sealed class DetectGroupComplaint(GroupPolicy policy, OpenIncident open)
{
    private const string InsertKey = """
        INSERT INTO "CaseGroupKeys" ("Key", "CaseId", "CustomerKey", "CreatedAt") VALUES (@key, @caseId, @customer, @at)
        """;

    internal const string RunningIncident = """
        SELECT "Id", "Label" FROM "Incidents" WHERE "GroupKey" = @key AND "ClosedAt" IS NULL
        """;

    /// <summary>The newest case of the key's window that is in a running incident: a walk back over the window only.</summary>
    private const string RunningByRecentCase = """
        SELECT i."Id", i."Label" FROM "CaseGroupKeys" k
        JOIN "IncidentCases" c ON c."CaseId" = k."CaseId"
        JOIN "Incidents" i ON i."Id" = c."IncidentId"
        WHERE k."Key" = @key AND k."CreatedAt" >= @since AND i."ClosedAt" IS NULL
        ORDER BY k."CreatedAt" DESC LIMIT 1
        """;

    /// <summary>The key's customers since @since whose cases are in no incident yet (a closed incident's cases do not count twice).</summary>
    public const string CountCustomers = """
        SELECT COUNT(DISTINCT k."CustomerKey") FROM "CaseGroupKeys" k
        WHERE k."Key" = @key AND k."CreatedAt" >= @since
          AND NOT EXISTS (SELECT 1 FROM "IncidentCases" i WHERE i."CaseId" = k."CaseId")
        """;

    public async Task CheckAsync(RedressDb db, Case kase, DateTime now, CancellationToken ct)
    {
        if (!policy.Enabled) return;
        var keys = GroupKeys.For(kase.Product);
        if (keys.Count == 0) return;
        await AdvisoryLocks.TakeAsync(db, "grp", keys.Select(k => k.Value), ct);
        var customer = GroupKeys.CustomerOf(kase.Customer);
        foreach (var key in keys)
        {
            await using var insert = db.Command(InsertKey).Bind("@key", key.Value).Bind("@caseId", kase.Id).Bind("@customer", customer).Bind("@at", now);
            await insert.ExecuteNonQueryAsync(ct);
        }
        // The incident running on one of the keys; else one that a recent case sharing a key belongs to (an
        // incident opened on the product takes a later case that names only the batch, and the other way round).
        var since = now - policy.Window;
        foreach (var query in (string[])[RunningIncident, RunningByRecentCase])
        {
            foreach (var key in keys)
            {
                if (await RunningAsync(db, query, key.Value, since, ct) is { } running)
                {
                    await open.JoinAsync(db, running.Id, running.Label, kase, customer, now, ct);
                    return;
                }
            }
        }
        foreach (var key in keys)
        {
            await using var count = db.Command(CountCustomers).Bind("@key", key.Value).Bind("@since", since);
            if (!policy.Reached(Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture))) continue;
            await open.OpenAsync(db, key, kase, since, now, ct);
            return;
        }
    }

    internal static async Task<(long Id, string Label)?> RunningAsync(RedressDb db, string sql, string key, DateTime since, CancellationToken ct)
    {
        await using var command = db.Command(sql).Bind("@key", key);
        if (sql.Contains("@since", StringComparison.Ordinal)) command.Bind("@since", since);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
