using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;
using Redress.Features.Notifications;
using Redress.Features.Sla;

namespace Redress.Features.Incidents;

/// <summary>
/// 统一告知: one message to every affected customer, one copy per linked case on its contact log and timeline,
/// mailed through the outbox where the customer gave an address (<see cref="Case.MessageFromIncident"/>). All or
/// nothing in one transaction; each case's clocks count it as a contact with the customer. It needs If-Match:
/// a second click on the same version is refused (412), so customers are not written to twice by accident.
/// </summary>
public sealed class MessageCustomers(IDbContextFactory<RedressDb> dbs, SlaSettings sla, TimeProvider clock)
{
    public async Task<Result<MessageSent>> HandleAsync(long id, int? ifMatch, Actor actor, MessageCustomersRequest r, CancellationToken ct)
    {
        if (ifMatch is null) return Error.VersionRequired;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (actor.Is(Role.Customer)) return Error.NotFound("Incident");
            var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null) return Error.NotFound("Incident");
            if (ifMatch != incident.Version) return ManageIncident.Stale;
            var caseIds = db.IncidentCases.Where(c => c.IncidentId == id).Select(c => c.CaseId);
            var cases = await db.Cases.Include(c => c.Clocks).AsSplitQuery().Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
            var rules = await sla.GetAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var recorded = incident.RecordMessage(actor, now, r.Summary.Trim(), cases.Count);
            if (!recorded.IsSuccess) return recorded.Error!;
            var methods = new List<CommunicationMethod>(cases.Count);
            foreach (var kase in cases)
            {
                var message = kase.MessageFromIncident(actor, now, id, r.Summary.Trim(), r.Content.Trim());
                if (message.Method == CommunicationMethod.Email) Notifier.AddCustomerMail(db, kase, message, now);
                // A contact with the customer like any other: first contact met, the update clock restarted.
                kase.ApplyClockRules(actor, now, rules);
                methods.Add(message.Method);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // A case changed meanwhile (or the incident: the next attempt's version check then refuses).
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return ManageIncident.Stale;
            }
            return new MessageSent(await ReadIncidents.DetailsAsync(db, incident, actor, ct), cases.Count,
                methods.Count(m => m == CommunicationMethod.Email), methods.Count(m => m == CommunicationMethod.Portal),
                methods.Count(m => m == CommunicationMethod.Letter));
        }
    }
}
