using System.Globalization;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;
using Redress.Features.Notifications;

namespace Redress.Features.Incidents;

/// <summary>
/// Opens an incident with the cases that crossed the threshold, or joins a case to a running one, in the
/// caller's write transaction (registration's). Linked cases are flagged group with a timeline entry by the
/// system; the earlier ones by one UPDATE (flag, version) without loading them, so a person editing one of them
/// meanwhile gets the usual 412 instead of registration failing. Management hears of an opening through the
/// notifier's outbox, committed with it.
/// </summary>
public sealed class OpenIncident(Notifier notifier)
{
    private const string InsertIncident = """
        INSERT INTO "Incidents" ("GroupKey", "KeyKind", "Label", "Status", "Version", "OpenedAt", "UpdatedAt")
        VALUES (@key, @kind, @label, 'Open', 1, @now, @now)
        ON CONFLICT ("GroupKey") WHERE "ClosedAt" IS NULL DO NOTHING
        RETURNING "Id"
        """;

    private const string InsertMember = """
        INSERT INTO "IncidentCases" ("IncidentId", "CaseId", "CustomerKey", "JoinedAt") VALUES (@incident, @case, @customer, @at)
        """;

    /// <summary>The cases the incident opens with: the key's window, less the cases some incident already has.</summary>
    private const string Members = """
        SELECT k."CaseId", k."CustomerKey", c."Status" FROM "CaseGroupKeys" k JOIN "Cases" c ON c."Id" = k."CaseId"
        WHERE k."Key" = @key AND k."CreatedAt" >= @since
          AND NOT EXISTS (SELECT 1 FROM "IncidentCases" i WHERE i."CaseId" = k."CaseId")
        ORDER BY k."CaseId"
        """;

    public async Task OpenAsync(RedressDb db, GroupKey key, Case kase, DateTime since, DateTime now, CancellationToken ct)
    {
        long id;
        await using (var insert = db.Command(InsertIncident).Bind("@key", key.Value).Bind("@kind", key.Kind.ToString())
            .Bind("@label", key.Label).Bind("@now", now))
        {
            if (await insert.ExecuteScalarAsync(ct) is not { } inserted)
            {
                // Another writer opened it first (only possible where the advisory lock is not taken): join theirs.
                var winner = await DetectGroupComplaint.RunningAsync(db, DetectGroupComplaint.RunningIncident, key.Value, since, ct) ?? throw new InvalidOperationException("The running incident vanished.");
                await JoinStoredAsync(db, winner.Id, winner.Label, kase, GroupKeys.CustomerOf(kase.Customer), now, ct);
                return;
            }
            id = Convert.ToInt64(inserted, CultureInfo.InvariantCulture);
        }
        var members = new List<(long CaseId, string Customer, CaseStatus Status)>();
        await using (var select = db.Command(Members).Bind("@key", key.Value).Bind("@since", since))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) members.Add((reader.GetInt64(0), reader.GetString(1), Enum.Parse<CaseStatus>(reader.GetString(2))));
        }
        foreach (var m in members)
        {
            db.IncidentCases.Add(new IncidentCase { IncidentId = id, CaseId = m.CaseId, CustomerKey = m.Customer, JoinedAt = now });
            if (m.CaseId != kase.Id) db.Timeline.Add(Case.IncidentJoinedEntry(m.CaseId, m.Status, id, key.Label, now));
        }
        kase.JoinIncident(id, key.Label, now);
        db.Timeline.Add(kase.Timeline[^1].For(kase.Id));
        await FlagAsync(db, members.Select(m => m.CaseId), now, ct);
        var customers = members.Select(m => m.Customer).Distinct(StringComparer.Ordinal).Count();
        db.IncidentUpdates.Add(new IncidentUpdate(id, IncidentEvent.Opened, Actor.System, now, null, IncidentStatus.Open,
            string.Create(CultureInfo.InvariantCulture, $"{key.Label}: {customers} customers, {members.Count} cases")));
        await notifier.AddAsync(db, Notices(kase, key.Label), now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The new case, which joined the running incident before its row was written (flag and timeline entry with
    /// it), becomes a member: one plain INSERT, as registration stores the case itself.
    /// </summary>
    public static async Task AddMemberAsync(RedressDb db, long incidentId, long caseId, string customer, DateTime now, CancellationToken ct)
    {
        await using var insert = db.Command(InsertMember).Bind("@incident", incidentId).Bind("@case", caseId).Bind("@customer", customer).Bind("@at", now);
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A case already stored joins a running incident: its membership, timeline entry and flag.</summary>
    private static async Task JoinStoredAsync(RedressDb db, long incidentId, string label, Case kase, string customer, DateTime now, CancellationToken ct)
    {
        await AddMemberAsync(db, incidentId, kase.Id, customer, now, ct);
        kase.JoinIncident(incidentId, label, now);
        await RegistrationRows.InsertTimelineAsync(db, kase.Id, kase.Timeline[^1], ct);
        await FlagAsync(db, [kase.Id], now, ct);
    }

    /// <summary>管理层: executives, and the leads of the department leading the case that crossed the threshold.</summary>
    private static List<Notice> Notices(Case kase, string label) =>
    [
        new(NotificationEvent.IncidentOpened, Audience.Executives, kase.Id, kase.Number, label, kase.LeadDepartmentId, null, label),
        new(NotificationEvent.IncidentOpened, Audience.Leads, kase.Id, kase.Number, label, kase.LeadDepartmentId, null, label),
    ];

    private static async Task FlagAsync(RedressDb db, IEnumerable<long> caseIds, DateTime now, CancellationToken ct)
    {
        var ids = caseIds.ToList();
        var names = string.Join(", ", ids.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)));
        await using var update = db.Command($"""
            UPDATE "Cases" SET "Flags" = "Flags" | {(int)CaseFlags.Group}, "Version" = "Version" + 1, "UpdatedAt" = @now WHERE "Id" IN ({names})
            """).Bind("@now", now);
        for (var i = 0; i < ids.Count; i++) update.Bind("@c" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        await update.ExecuteNonQueryAsync(ct);
    }
}
