using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

/// <summary>
/// The active SLA profile and the calendars, read by every change to a case and changed rarely: held in memory
/// like <see cref="Reference.ReferenceData"/>, reloaded after an administrator's change here or within
/// <see cref="MaxAge"/> when it came through another instance.
/// </summary>
public sealed class SlaSettings(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private (SlaRules Rules, DateTimeOffset LoadedAt)? _current;

    public async ValueTask<SlaRules> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } current && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current.Rules;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var profile = await db.SlaProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.IsActive, ct)
            ?? throw new InvalidOperationException("No SLA profile is active; the seeding at start-up should have activated one.");
        var calendars = await db.Calendars.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.CalendarCode != null)
            .ToDictionaryAsync(d => d.Id, d => d.CalendarCode!, ct);
        var rules = new SlaRules(profile, calendars, departments);
        _current = (rules, clock.GetUtcNow());
        return rules;
    }

    public void Invalidate() => _current = null;

    /// <summary>Every installation starts with the shipped calendars and profiles, the manuals' targets active.</summary>
    public static async Task SeedAsync(RedressDb db, CancellationToken ct)
    {
        if (!await db.Calendars.AnyAsync(ct))
        {
            db.Calendars.AddRange(BusinessCalendar.ChinaMainland(), BusinessCalendar.UnitedKingdom(), BusinessCalendar.UnitedStates());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.SlaProfiles.AnyAsync(ct))
        {
            var profiles = SlaPresets.All();
            profiles[0].Activate(true);
            db.SlaProfiles.AddRange(profiles);
            await db.SaveChangesAsync(ct);
        }
    }
}
