using System.Globalization;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.Features.Incidents;

/// <summary>
/// 群体投诉 on create (ADR 0011): joins the new case to the incident running for one of its group keys, or opens
/// one when a key's distinct customers in the window reach the threshold. Runs in registration's write
/// transaction, in two parts: the look-up before the case's row is written, the keys and the incident's rows after.
/// On PostgreSQL, where registrations run concurrently, a transaction-scoped advisory lock per key, taken in the
/// first part, makes the same key's registrations take turns for this step, so each counts the
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

    /// <summary>What <see cref="BeforeInsertAsync"/> found for a new case: its keys, and the running incident it joined.</summary>
    public sealed record Check(IReadOnlyList<GroupKey> Keys, string Customer, long? JoinedIncidentId);

    /// <summary>
    /// Before the new case's row is written: the incident running for one of its keys, which the case joins in
    /// memory (its group flag and timeline entry are then written with the case, not by an UPDATE after). Null when
    /// the check is off or the case has no key.
    /// </summary>
    public async Task<Check?> BeforeInsertAsync(RedressDb db, Case kase, DateTime now, CancellationToken ct)
    {
        if (!policy.Enabled) return null;
        var keys = GroupKeys.For(kase.Product);
        if (keys.Count == 0) return null;
        await AdvisoryLocks.TakeAsync(db, "grp", keys.Select(k => k.Value), ct);
        var customer = GroupKeys.CustomerOf(kase.Customer);
        // The incident running on one of the keys; else one that a recent case sharing a key belongs to (an
        // incident opened on the product takes a later case that names only the batch, and the other way round).
        var since = now - policy.Window;
        foreach (var query in (string[])[RunningIncident, RunningByRecentCase])
        {
            foreach (var key in keys)
            {
                if (await RunningAsync(db, query, key.Value, since, ct) is { } running)
                {
                    kase.JoinIncident(running.Id, running.Label, now);
                    return new Check(keys, customer, running.Id);
                }
            }
        }
        return new Check(keys, customer, null);
    }

    /// <summary>After the case's rows: its group keys, its membership of the incident it joined, or an incident opened when a key reached the threshold.</summary>
    public async Task AfterInsertAsync(RedressDb db, Case kase, Check? check, DateTime now, CancellationToken ct)
    {
        if (check is null) return;
        foreach (var key in check.Keys)
        {
            await using var insert = db.Command(InsertKey).Bind("@key", key.Value).Bind("@caseId", kase.Id).Bind("@customer", check.Customer).Bind("@at", now);
            await insert.ExecuteNonQueryAsync(ct);
        }
        if (check.JoinedIncidentId is { } joined)
        {
            await OpenIncident.AddMemberAsync(db, joined, kase.Id, check.Customer, now, ct);
            return;
        }
        var since = now - policy.Window;
        foreach (var key in check.Keys)
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
