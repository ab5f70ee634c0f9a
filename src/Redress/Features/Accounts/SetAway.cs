using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Routing;

namespace Redress.Features.Accounts;

/// <param name="Until">Back from this moment; none: away until they say otherwise.</param>
public sealed record AwayInput(bool Away, DateTimeOffset? Until);

public sealed record AwayState(string UserId, string Name, bool Away, DateTime? Until, bool AwayNow);

/// <summary>
/// 休假/外出: a staff member marks themself away, or an administrator or a lead of one of their departments does it
/// for them. Routing passes over whoever is away (R-WF-2); cases already theirs stay theirs for a lead to move.
/// </summary>
public sealed class SetAway(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    public async Task<Result<AwayState>> GetAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? Error.NotFound("User") : State(user);
    }

    public async Task<Result<AwayState>> HandleAsync(string userId, AwayInput input, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Error.NotFound("User");
        var leadsThem = actor.Is(Role.Lead) && user.Departments.Any(d => actor.DepartmentIds.Contains(d.DepartmentId));
        if (actor.UserId != userId && !actor.Is(Role.Admin) && !leadsThem)
            return Error.Forbidden("not_your_colleague", "Only the person themself, an administrator or a lead of their department sets them away.");
        if (input.Away && input.Until is { } until && until.UtcDateTime <= now)
            return Error.Invalid("until_in_past", "The date they are back must be in the future.", "until");
        (user.Away, user.AwayUntil) = (input.Away, input.Away ? input.Until?.UtcDateTime : null);
        await db.SaveChangesAsync(ct);
        return State(user);
    }

    private AwayState State(AppUser u) =>
        new(u.Id, u.DisplayName, u.Away, u.AwayUntil, HandlerChoice.IsAway(u.Away, u.AwayUntil, clock.GetUtcNow().UtcDateTime));
}
