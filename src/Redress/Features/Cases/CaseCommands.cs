using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Notifications;
using Redress.Features.Reference;
using Redress.Features.Sla;

namespace Redress.Features.Cases;

/// <summary>
/// The shape every change to an existing case shares: load it, hide it when it is outside the actor's
/// scope (404, R-SEC-1), check the version the client read (If-Match), let the domain decide, save with
/// the version as concurrency token so a racing writer loses with 412 instead of overwriting. A conflict is
/// retried on a fresh copy: one that came from another change of the case is then refused by the version
/// check (or, for an append-only change, simply made again), one that came from the SLA scheduler stepping a
/// clock meanwhile (its steps do not change the version) goes through on the stepped clock.
/// </summary>
public sealed class CaseCommands(IDbContextFactory<RedressDb> dbs, ReferenceData reference, SlaSettings sla, Notifier notifier, TimeProvider clock)
{
    public delegate Task<Result> Change(Case kase, DateTime now, RedressDb db);

    /// <param name="appendOnly">
    /// Notes, communications and attachments add to a case without overwriting anything, so they may come
    /// without If-Match; a version race is then retried instead of refused.
    /// </param>
    public async Task<Result<CaseDetails>> RunAsync(long id, int? ifMatch, Actor actor, bool appendOnly, Change change, CancellationToken ct)
    {
        if (ifMatch is null && !appendOnly) return Error.VersionRequired;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var kase = await db.Cases.Include(c => c.Clocks).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
            if (ifMatch is { } seen && seen != kase.Version) return Error.Stale;
            var now = clock.GetUtcNow().UtcDateTime;
            var result = await change(kase, now, db);
            if (!result.IsSuccess) return result.Error!;
            kase.ApplyClockRules(actor, now, await sla.GetAsync(ct));
            // The notices commit with the change (the outbox), or not at all.
            await notifier.AddAsync(db, CaseNotices.For(kase, kase.Timeline), now, ct);
            foreach (var mail in CaseNotices.MailedToCustomer(kase, kase.Timeline, kase.Communications)) Notifier.AddCustomerMail(db, kase, mail, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Stale;
            }
            return CaseDetails.From(kase, actor, await reference.GetAsync(ct), now);
        }
    }

    /// <summary>For changes that need nothing but the case and the clock.</summary>
    public Task<Result<CaseDetails>> RunAsync(long id, int? ifMatch, Actor actor, Func<Case, DateTime, Result> change, CancellationToken ct, bool appendOnly = false) =>
        RunAsync(id, ifMatch, actor, appendOnly, (kase, now, _) => Task.FromResult(change(kase, now)), ct);
}
