using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.Features.Incidents;

/// <summary>
/// Changes to an incident, the way <see cref="Cases.CaseCommands"/> changes a case: load, compare If-Match with
/// the version, let the incident decide, save with the version as concurrency token (a racing writer gets 412).
/// Notes only add, so they may come without If-Match and a version race is retried.
/// </summary>
public sealed class ManageIncident(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public delegate Result Change(Incident incident, Actor actor, DateTime now);

    public static readonly Error Stale = new("stale", "The incident was changed by someone else since you read it; reload and try again.", ErrorKind.PreconditionFailed);

    public static Change Contain(IncidentNoteRequest r) => (i, a, now) => i.Contain(a, now, r.Note);

    public static Change Resolve(ResolveIncidentRequest r) => (i, a, now) => i.Resolve(a, now, r.Summary);

    public static Change Reopen(ReopenIncidentRequest r) => (i, a, now) => i.Reopen(a, now, r.Reason);

    public static Change Close(IncidentNoteRequest r) => (i, a, now) => i.Close(a, now, r.Note);

    public static Change AddNote(IncidentUpdateRequest r) => (i, a, now) => i.AddNote(a, now, r.Text);

    public async Task<Result<IncidentDetails>> RunAsync(long id, int? ifMatch, Actor actor, Change change, CancellationToken ct, bool appendOnly = false)
    {
        if (ifMatch is null && !appendOnly) return Error.VersionRequired;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (actor.Is(Role.Customer)) return Error.NotFound("Incident");
            var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null) return Error.NotFound("Incident");
            if (ifMatch is { } seen && seen != incident.Version) return Stale;
            var result = change(incident, actor, clock.GetUtcNow().UtcDateTime);
            if (!result.IsSuccess) return result.Error!;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (appendOnly && attempt < 5)
            {
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Stale;
            }
            return await ReadIncidents.DetailsAsync(db, incident, actor, ct);
        }
    }

    /// <summary>负责人: a lead, quality manager or executive with an active account.</summary>
    public async Task<Result<IncidentDetails>> AssignOwnerAsync(long id, int? ifMatch, Actor actor, AssignOwnerRequest r, CancellationToken ct)
    {
        if (Incident.CheckManager(actor) is { } forbidden) return forbidden;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var managers = Incident.Managers.Select(m => m.ToString()).ToList();
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == r.UserId)
                .Select(u => new { u.DisplayName, Manages = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(role => role.Id == ur.RoleId && managers.Contains(role.Name!))) })
                .FirstOrDefaultAsync(ct);
            if (owner is null) return Error.Invalid("unknown_user", $"There is no user {r.UserId}.", "userId");
            if (!owner.Manages) return Error.Invalid("owner_not_manager", $"The owner must be one of {string.Join(", ", Incident.Managers)}.", "userId");
            return await RunAsync(id, ifMatch, actor, (i, a, now) => i.AssignOwner(a, now, r.UserId, owner.DisplayName), ct);
        }
    }
}
