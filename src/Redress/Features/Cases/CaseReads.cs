using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Reference;
using Redress.Features.Repeats;

namespace Redress.Features.Cases;

/// <param name="FromCase">On a survivor's timeline, the number of the merged duplicate the entry came from.</param>
public sealed record TimelineItem(
    long Id, DateTime At, TimelineEvent Event, string ActorId, string ActorName,
    CaseStatus? FromStatus, CaseStatus? ToStatus, string? Text, string? Changes, string? FromCase = null);

public sealed record CommunicationItem(
    long Id, DateTime At, Direction Direction, CommunicationMethod Method, string Summary, string? Content, string ActorName);

/// <param name="FromCase">On a survivor, the number of the merged duplicate the file was attached to.</param>
public sealed record AttachmentItem(long Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string UploadedBy, string? FromCase = null);

/// <summary>Reads of one case and what hangs off it; every read goes through the same scope check.</summary>
public sealed class CaseReads(IDbContextFactory<RedressDb> dbs, ReferenceData reference, TimeProvider clock, CaseCommands commands, ListCases list)
{
    /// <summary>R-SEC-2: the customer's personal data unmasked, with the view recorded on the case's timeline.</summary>
    public async Task<Result<CustomerView>> RevealCustomerAsync(long id, Actor actor, CancellationToken ct)
    {
        Customer? seen = null;
        var result = await commands.RunAsync(id, null, actor, appendOnly: true, (kase, now, _) =>
        {
            seen = kase.Customer;
            kase.RecordCustomerDataViewed(actor, now);
            return Task.FromResult(Result.Success);
        }, ct);
        return result.IsSuccess ? CustomerView.From(seen!, masked: false) : result.Error!;
    }

    public async Task<Result<CaseDetails>> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().Include(c => c.Clocks).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
        return CaseDetails.From(kase, actor, await reference.GetAsync(ct), clock.GetUtcNow().UtcDateTime);
    }

    public async Task<Result<long>> FindByNumberAsync(string number, Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct);
        // A merged duplicate's number leads to the case that took it over (a few hops at most).
        for (var hop = 0; kase?.MergedIntoId is { } into && hop < 5; hop++)
            kase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == into, ct) ?? kase;
        if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
        return kase.Id;
    }

    /// <summary>The case's timeline, with the entries of the duplicates merged into it, each marked with its case's number.</summary>
    public Task<Result<List<TimelineItem>>> TimelineAsync(long id, Actor actor, CancellationToken ct) =>
        WithVisibleCase(id, actor, async (db, caseId) =>
        {
            var merged = await MergedCases.IntoAsync(db, caseId, ct);
            var ids = merged.Keys.Append(caseId).ToList();
            var entries = db.Timeline.AsNoTracking().Where(t => ids.Contains(t.CaseId));
            // One case's entries in the order written; merged ones interleaved by time.
            var items = await (merged.Count == 0 ? entries.OrderBy(t => t.Id) : entries.OrderBy(t => t.At).ThenBy(t => t.Id))
                .Select(t => new { t.CaseId, Item = new TimelineItem(t.Id, t.At, t.Event, t.ActorId, t.ActorName, t.FromStatus, t.ToStatus, t.Text, t.Changes, null) })
                .ToListAsync(ct);
            return items.Select(x => x.CaseId == caseId ? x.Item : x.Item with { FromCase = merged[x.CaseId] }).ToList();
        }, ct);

    public Task<Result<List<CommunicationItem>>> CommunicationsAsync(long id, Actor actor, CancellationToken ct) =>
        WithVisibleCase(id, actor, (db, caseId) => db.Communications.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Id)
            .Select(t => new CommunicationItem(t.Id, t.At, t.Direction, t.Method, t.Summary, t.Content, t.ActorName))
            .ToListAsync(ct), ct);

    /// <summary>The case's files, with those of the duplicates merged into it (every file stays reachable from the survivor).</summary>
    public Task<Result<List<AttachmentItem>>> AttachmentsAsync(long id, Actor actor, CancellationToken ct) =>
        WithVisibleCase(id, actor, async (db, caseId) =>
        {
            var merged = await MergedCases.IntoAsync(db, caseId, ct);
            var ids = merged.Keys.Append(caseId).ToList();
            var items = await db.Attachments.AsNoTracking().Where(t => ids.Contains(t.CaseId)).OrderBy(t => t.Id)
                .Select(a => new { a.CaseId, Item = new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedBy, null) })
                .ToListAsync(ct);
            return items.Select(x => x.CaseId == caseId ? x.Item : x.Item with { FromCase = merged[x.CaseId] }).ToList();
        }, ct);

    public async Task<Result<(AttachmentItem Meta, byte[] Bytes)>> DownloadAsync(long id, long attachmentId, Actor actor, CancellationToken ct)
    {
        var found = await WithVisibleCase(id, actor, async (db, caseId) =>
        {
            var ids = (await MergedCases.IntoAsync(db, caseId, ct)).Keys.Append(caseId).ToList();
            return await db.AttachmentContents.AsNoTracking()
                .Where(x => x.AttachmentId == attachmentId && ids.Contains(x.Attachment!.CaseId))
                .Select(x => new
                {
                    Meta = new AttachmentItem(x.Attachment!.Id, x.Attachment.FileName, x.Attachment.ContentType, x.Attachment.Size, x.Attachment.Sha256, x.Attachment.UploadedAt, x.Attachment.UploadedBy, null),
                    x.Bytes,
                })
                .FirstOrDefaultAsync(ct);
        }, ct);
        if (!found.IsSuccess) return found.Error!;
        return found.Value is { } f ? (f.Meta, f.Bytes) : Error.NotFound("Attachment");
    }

    /// <summary>
    /// R-IN-6: the customer's earlier cases, newest first: by phone, email or customer id when any is given,
    /// otherwise by name. A name alone is a weak match (many people are called 张伟), so it is used only when
    /// the caller has nothing better.
    /// </summary>
    public async Task<List<CaseSummary>> CustomerHistoryAsync(string? phone, string? email, string? customerId, string? name, Actor actor, CancellationToken ct)
    {
        var phoneKey = Customer.NormalisePhone(phone);
        var emailKey = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        var cid = string.IsNullOrWhiteSpace(customerId) ? null : customerId.Trim();
        if (phoneKey is null && emailKey is null && cid is null)
            return string.IsNullOrWhiteSpace(name) ? [] : await ByNameAsync(name.Trim(), actor, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var cases = ListCases.Filter(db.Cases.AsNoTracking(), CaseListQuery.Empty, actor, clock.GetUtcNow().UtcDateTime)
            .Where(c => (phoneKey != null && c.Customer.PhoneKey == phoneKey)
                        || (emailKey != null && c.Customer.EmailKey == emailKey)
                        || (cid != null && c.Customer.CustomerId == cid));
        var now = clock.GetUtcNow().UtcDateTime;
        return ListCases.Masked(await ListCases.Project(cases.OrderByDescending(c => c.Id).Take(50), now).ToListAsync(ct), actor);
    }

    /// <summary>
    /// The customer's name has no index of its own, but it is in every case's full-text entry: the search
    /// finds the cases that mention the name (newest first, one bounded page), and of those the ones filed
    /// under exactly that name are the customer's.
    /// </summary>
    private async Task<List<CaseSummary>> ByNameAsync(string name, Actor actor, CancellationToken ct)
    {
        var found = await list.FindAsync(CaseListQuery.Empty with { Q = name, Limit = 100 }, actor, ct);
        return found.IsSuccess
            ? ListCases.Masked(found.Value.Items.Where(c => string.Equals(c.CustomerName.Trim(), name, StringComparison.OrdinalIgnoreCase)).Take(50), actor)
            : [];
    }

    private async Task<Result<T>> WithVisibleCase<T>(long id, Actor actor, Func<RedressDb, long, Task<T>> read, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (kase is null || !kase.IsVisibleTo(actor)) return Error.NotFound("Case");
        return await read(db, id);
    }
}
