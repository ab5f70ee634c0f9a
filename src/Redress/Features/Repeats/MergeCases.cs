using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Reference;
using Redress.Features.Sla;

namespace Redress.Features.Repeats;

/// <param name="IntoCaseId">The case that goes on (the survivor).</param>
/// <param name="IntoVersion">The survivor's version as the client read it: both cases' versions are checked.</param>
public sealed record MergeRequest([property: Required] long? IntoCaseId, [property: Required] int? IntoVersion);

/// <summary>
/// Merges a duplicate into the case that goes on: the duplicate is closed as Merged, both timelines record it, the
/// survivor's timeline and files then include the duplicate's (CaseReads), and the duplicate's number resolves to the
/// survivor. Both cases' versions are checked (If-Match for the duplicate, the body for the survivor) and both are
/// saved with their versions as concurrency tokens, so an edit of either that raced past the checks fails this with 412.
/// </summary>
public sealed class MergeCases(IDbContextFactory<RedressDb> dbs, ReferenceData reference, SlaSettings sla, TimeProvider clock)
{
    public async Task<Result<CaseDetails>> HandleAsync(long id, int? ifMatch, MergeRequest request, Actor actor, CancellationToken ct)
    {
        if (ifMatch is null) return Error.VersionRequired;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ids = new[] { id, request.IntoCaseId!.Value };
        var cases = await db.Cases.Include(c => c.Clocks).AsSplitQuery().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var duplicate = cases.FirstOrDefault(c => c.Id == id);
        var survivor = cases.FirstOrDefault(c => c.Id == request.IntoCaseId);
        if (duplicate is null || !duplicate.IsVisibleTo(actor)) return Error.NotFound("Case");
        if (survivor is null || !survivor.IsVisibleTo(actor))
            return new Error("not_found", "The case to merge into was not found.", ErrorKind.NotFound, "intoCaseId");
        if (duplicate.Version != ifMatch || survivor.Version != request.IntoVersion) return Error.Stale;
        var now = clock.GetUtcNow().UtcDateTime;
        if (duplicate.MergeInto(survivor, actor, now) is { IsSuccess: false } refused) return refused.Error!;
        var rules = await sla.GetAsync(ct);
        duplicate.ApplyClockRules(actor, now, rules);
        survivor.ApplyClockRules(actor, now, rules);
        await RecordOnLinkAsync(db, duplicate, survivor, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale;
        }
        return CaseDetails.From(duplicate, actor, await reference.GetAsync(ct), now);
    }

    /// <summary>The suggestion that was taken, or (a merge nobody suggested) a duplicate link of its own, so both pages show it.</summary>
    private static async Task RecordOnLinkAsync(RedressDb db, Case duplicate, Case survivor, DateTime now, CancellationToken ct)
    {
        var link = await db.CaseLinks.FirstOrDefaultAsync(l => l.Kind == CaseLinkKind.Duplicate
            && ((l.CaseId == duplicate.Id && l.LinkedCaseId == survivor.Id) || (l.CaseId == survivor.Id && l.LinkedCaseId == duplicate.Id)), ct);
        if (link is null)
        {
            link = new CaseLink
            {
                CaseId = duplicate.Id, LinkedCaseId = survivor.Id, Kind = CaseLinkKind.Duplicate, Reason = LinkReason.SimilarText, CreatedAt = now,
                Score = Math.Round(TextSimilarity.Of(RepeatDetection.TextOf(duplicate.Subject, duplicate.Description), RepeatDetection.TextOf(survivor.Subject, survivor.Description)), 3),
            };
            db.CaseLinks.Add(link);
        }
        link.MergedAt = now;
    }
}
