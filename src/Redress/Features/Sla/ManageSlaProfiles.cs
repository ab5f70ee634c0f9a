using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

/// <summary>
/// R-SLA-5 for administrators, through the API and the /admin/sla page alike: read the regulatory profiles,
/// replace a profile's rules, choose the one that is active. New rules apply to cases registered (or re-graded)
/// afterwards; clocks already running keep their due times.
/// </summary>
public sealed class ManageSlaProfiles(IDbContextFactory<RedressDb> dbs, SlaSettings settings)
{
    public static readonly Error Stale = new("stale", "The profile was changed by someone else since you read it; reload and try again.", ErrorKind.PreconditionFailed);

    public async Task<List<SlaProfileItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SlaProfiles.AsNoTracking().OrderBy(p => p.Id).Select(p => new SlaProfileItem(p.Id, p.Code, p.NameZh, p.NameEn,
            p.IsActive, p.CalendarCode, p.WarnAtPercent, p.EscalateAfterMinutes, p.Policies, p.Extensions, p.Buckets, p.Version)).ToListAsync(ct);
    }

    public async Task<Result<SlaProfileItem>> GetAsync(string code, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var profile = await db.SlaProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        return profile is null ? Error.NotFound("SLA profile") : Item(profile);
    }

    /// <param name="ifMatch">The version the administrator read; a profile changed since is refused (412).</param>
    public async Task<Result<SlaProfileItem>> ChangeAsync(string code, int? ifMatch, SlaRulesInput input, CancellationToken ct)
    {
        if (ifMatch is null) return Error.VersionRequired;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var profile = await db.SlaProfiles.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (profile is null) return Error.NotFound("SLA profile");
        if (profile.Version != ifMatch) return Stale;
        if (await CheckReferencesAsync(db, input, ct) is { } error) return error;
        var changed = profile.Change(input.CalendarCode, input.Policies.Select(Policy),
            (input.Extensions ?? []).Select(e => new ExtensionStep(Limit(e.ExtendBy), e.Approver, e.NoticeToCustomer)),
            (input.Buckets ?? []).Select(b => new ReportBucket(b.Key.Trim(), Limit(b.Within))),
            input.WarnAtPercent, input.EscalateAfterMinutes);
        if (!changed.IsSuccess) return changed.Error!;
        try
        {
            // Version is the concurrency token: a writer that raced past the check above still loses.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        settings.Invalidate();
        return Item(profile);
    }

    /// <summary>Exactly one profile is active: the chosen one is switched on and every other off in one transaction.</summary>
    public async Task<Result<SlaProfileItem>> ActivateAsync(string code, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        // Two administrators activating different profiles at once must not leave both on: on PostgreSQL the
        // rows are locked before they are read; on SQLite the write gate lets one writer in at a time.
        var profiles = db.IsSqlite
            ? await db.SlaProfiles.ToListAsync(ct)
            : await db.SlaProfiles.FromSql($"""SELECT * FROM "SlaProfiles" FOR UPDATE""").ToListAsync(ct);
        var chosen = profiles.FirstOrDefault(p => p.Code == code);
        if (chosen is null) return Error.NotFound("SLA profile");
        foreach (var p in profiles) p.Activate(p == chosen);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        settings.Invalidate();
        return Item(chosen);
    }

    /// <summary>What the profile points at must exist; the rules themselves are the domain's to check.</summary>
    private static async Task<Error?> CheckReferencesAsync(RedressDb db, SlaRulesInput input, CancellationToken ct)
    {
        if (!await db.Calendars.AnyAsync(c => c.Code == input.CalendarCode, ct))
            return Error.Invalid("unknown_calendar", $"There is no calendar {input.CalendarCode}.", "calendarCode");
        var matches = input.Policies.Select(p => p.Match).OfType<PolicyMatchInput>().ToList();
        if (matches.SelectMany(m => m.Grades ?? []).Any(g => g is < 1 or > 4))
            return Error.Invalid("unknown_grade", "Grades are 1 to 4.", "policies");
        var categories = matches.SelectMany(m => m.CategoryIds ?? []).Distinct().ToList();
        if (categories.Count > 0 && await db.Categories.CountAsync(c => categories.Contains(c.Id), ct) != categories.Count)
            return Error.Invalid("unknown_category", "A policy names a category that does not exist.", "policies");
        if (input.Extensions?.Any(e => e.Approver == Role.Customer) == true)
            return Error.Invalid("customer_approver", "An extension is approved by staff, not by the customer.", "extensions");
        return null;
    }

    private static SlaPolicy Policy(PolicyInput p) => new(p.Key.Trim(), p.NameZh.Trim(), p.NameEn.Trim(), Match(p.Match),
        [.. p.Targets.Select(t => new TargetLimit(t.Target, Limit(t.Limit)))]);

    /// <summary>
    /// A match that narrows nothing is <see cref="PolicyMatch.Everything"/> itself: <see cref="SlaProfile.Change"/>
    /// recognises the catch-all by that instance (record equality compares the lists by reference).
    /// </summary>
    private static PolicyMatch Match(PolicyMatchInput? m) =>
        m is null || ((m.Grades ?? []).Count == 0 && m.AnyFlags == CaseFlags.None && (m.CategoryIds ?? []).Count == 0 && (m.Channels ?? []).Count == 0)
            ? PolicyMatch.Everything
            : new PolicyMatch([.. (m.Grades ?? []).Distinct().Order()], m.AnyFlags, [.. (m.CategoryIds ?? []).Distinct()], [.. (m.Channels ?? []).Distinct()]);

    private static TimeLimit Limit(LimitInput l) => new(l.Amount, l.Unit);

    private static SlaProfileItem Item(SlaProfile p) => new(p.Id, p.Code, p.NameZh, p.NameEn, p.IsActive, p.CalendarCode,
        p.WarnAtPercent, p.EscalateAfterMinutes, p.Policies, p.Extensions, p.Buckets, p.Version);

    /// <summary>The rules of a profile as they read, to edit and send back.</summary>
    public static SlaRulesInput RulesOf(SlaProfileItem p) => new(p.CalendarCode, p.WarnAtPercent, p.EscalateAfterMinutes,
        [.. p.Policies.Select(x => new PolicyInput(x.Key, x.NameZh, x.NameEn,
            new PolicyMatchInput([.. x.Match.Grades], x.Match.AnyFlags, [.. x.Match.CategoryIds], [.. x.Match.Channels]),
            [.. x.Targets.Select(t => new TargetInput(t.Target, new LimitInput(t.Limit.Amount, t.Limit.Unit)))]))],
        [.. p.Extensions.Select(e => new ExtensionInput(new LimitInput(e.ExtendBy.Amount, e.ExtendBy.Unit), e.Approver, e.NoticeToCustomer))],
        [.. p.Buckets.Select(b => new BucketInput(b.Key, new LimitInput(b.Within.Amount, b.Within.Unit)))]);
}
