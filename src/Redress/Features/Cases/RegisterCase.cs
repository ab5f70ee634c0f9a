using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Reference;
using Redress.Features.Routing;
using Redress.Features.Sla;
using Redress.Features.Triage;

namespace Redress.Features.Cases;

public sealed record CustomerInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(40)] string? Phone,
    [property: StringLength(254), EmailAddress] string? Email,
    [property: StringLength(500)] string? Address,
    [property: StringLength(64)] string? CustomerId);

public sealed record ProductInput(
    [property: StringLength(64)] string? OrderNumber,
    [property: StringLength(200)] string? ProductName,
    [property: StringLength(64)] string? Sku,
    [property: StringLength(64)] string? BatchNumber);

public sealed record RegisterCaseRequest(
    [property: Required] Channel? Channel,
    [property: Required, StringLength(200, MinimumLength = 1)] string Subject,
    [property: Required, StringLength(10_000, MinimumLength = 1)] string Description,
    DateTimeOffset? OccurredAt,
    [property: Required] CustomerInput Customer,
    ProductInput? Product,
    [property: Required] CustomerDemand? Demand,
    [property: StringLength(2_000)] string? DemandDetails,
    int? CategoryId,
    [property: Range(1, 4)] int? Grade,
    [property: MaxLength(5)] List<CaseFlags>? Flags,
    int? LeadDepartmentId,
    [property: MaxLength(10)] List<int>? AssistingDepartmentIds,
    [property: StringLength(64)] string? AboutStaffId = null);

/// <summary>受理: registers a complaint from any channel, numbered and on the timeline in one transaction.</summary>
public sealed class RegisterCase(
    IDbContextFactory<RedressDb> dbs, StorageOptions storage, GroupCommit writes, CaseNumbers numbers, ReferenceData reference, SlaSettings sla,
    SuggestTriage triage, Repeats.FindRepeats repeats, CasePolicy policy, Incidents.DetectGroupComplaint groups, RouteCase routing, TimeProvider clock)
{
    /// <summary>Grade when intake does not say: 三级, a general complaint.</summary>
    public const int DefaultGrade = 3;

    public sealed record Registered(CaseDetails Case, bool Replayed);

    /// <summary>
    /// What a retry with the same idempotency key must match: SHA-256 of the request's JSON. The API and the
    /// intake page both use this, so either door recognises its own retry.
    /// </summary>
    public static string Fingerprint(RegisterCaseRequest r) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(r)));

    /// <param name="portalTokenHash">For a filing on the customer portal: the hash of the customer's tracking secret.</param>
    public async Task<Result<Registered>> HandleAsync(RegisterCaseRequest r, Actor actor, string? idempotencyKey, string? requestHash, CancellationToken ct, string? portalTokenHash = null)
    {
        var refs = await reference.GetAsync(ct);
        var rules = await sla.GetAsync(ct);
        if (CheckReferences(r, refs) is { } invalid) return invalid;
        var route = await routing.PrepareAsync(r.AboutStaffId, ct);
        if (!route.IsSuccess) return route.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var input = ToNewCase(r);
        // Fail before a number is drawn when the domain would refuse anyway.
        if (Case.CheckRegistration(input, actor, now) is { } refused) return refused;
        // Everything that needs no database is done here, outside the write transaction.
        var textTokens = CaseSearchIndex.TextTokensFor(input.Subject, input.Description, input.Customer.Name, input.Customer.Phone, input.Customer.Email, input.Product.OrderNumber);
        // R-CL-3: suggested for every new case, whatever the channel; stored with the case below. Its count of the
        // contact's recent cases shares a context: on PostgreSQL with the number's draw; on SQLite with the read of the
        // repeat window, so the single writer only looks at what was stored since. No connection is held open across
        // the suggestion: the caches it reads through may have to load, on a connection of their own.
        TriageSuggestion suggestion;
        string? number = null;
        Repeats.FindRepeats.Seen? seen = null;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (storage.IsPostgres && idempotencyKey is not null && await ReplayAsync(db, actor, idempotencyKey, requestHash!, refs, ct) is { } earlier)
                return earlier;
            suggestion = await triage.ForNewCaseAsync(input, now, ct, db);
            if (storage.IsPostgres) number = await numbers.NextAsync(db, input.Channel, now, ct);
            else seen = await repeats.BeforeWriteAsync(db, input, now, ct);
        }
        try
        {
            return await writes.RunAsync<Result<Registered>>(async (db, wct) =>
            {
                // Inside the write: on SQLite, where writers take turns, this look-up is the authoritative one.
                if (idempotencyKey is not null && await ReplayAsync(db, actor, idempotencyKey, requestHash!, refs, wct) is { } earlier) return earlier;
                var kase = Case.Register(input, number ?? await numbers.NextAsync(db, input.Channel, now, wct), actor, now, policy).Value;
                if (portalTokenHash is not null) kase.GrantPortalAccess(portalTokenHash);
                // R-CL-4: the customer's recent cases, completed inside the write (authoritative on SQLite); a repeat's flag
                // and raised grade are applied with the rules' below.
                var related = await repeats.ForNewCaseAsync(db, kase, now, seen, wct);
                var triaged = related.AddTo(suggestion, kase.Grade);
                // Before the clocks start, so they run by the grade and flags an administrator's rule applied.
                kase.ApplyTriage(triaged.Applied, now);
                await routing.RouteAsync(db, kase, route.Value, refs, now, wct);
                kase.ApplyClockRules(actor, now, rules);
                var record = idempotencyKey is null ? null
                    : new IdempotencyRecord { UserId = actor.UserId, Key = idempotencyKey, RequestHash = requestHash!, CreatedAt = now };
                // 群体投诉: a case joining a running incident is written with its group flag and timeline entry.
                var group = await groups.BeforeInsertAsync(db, kase, now, wct);
                await RegistrationRows.InsertAsync(db, kase, record, wct);
                await CaseSearchIndex.AddAsync(db, kase.Id, CaseSearchIndex.WithNumber(kase.Number, textTokens), wct);
                await CaseTriage.InsertAsync(db, kase.Id, triaged, now, wct);
                await related.StoreAsync(db, kase.Id, now, wct);
                await groups.AfterInsertAsync(db, kase, group, now, wct);
                return new Registered(CaseDetails.From(kase, actor, refs, now), false);
            }, ct);
        }
        catch (RegistrationRows.KeyTaken)
        {
            // PostgreSQL: a concurrent retry with the same key stored its case first, and this one was rolled
            // back. Answer with the winner's case.
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await ReplayAsync(db, actor, idempotencyKey!, requestHash!, refs, ct) ?? throw new InvalidOperationException("Idempotency record vanished.");
        }
    }

    private static NewCase ToNewCase(RegisterCaseRequest r) => new(
        r.Channel!.Value,
        r.Subject,
        r.Description,
        r.OccurredAt?.UtcDateTime,
        new Customer { Name = r.Customer.Name.Trim(), Phone = r.Customer.Phone, Email = r.Customer.Email, Address = r.Customer.Address, CustomerId = r.Customer.CustomerId },
        new ProductReference { OrderNumber = r.Product?.OrderNumber, ProductName = r.Product?.ProductName, Sku = r.Product?.Sku, BatchNumber = r.Product?.BatchNumber },
        r.Demand!.Value,
        r.DemandDetails,
        r.CategoryId,
        r.Grade ?? DefaultGrade,
        r.Flags.ToFlags(),
        r.LeadDepartmentId,
        r.AssistingDepartmentIds ?? []);

    private static Error? CheckReferences(RegisterCaseRequest r, ReferenceData.Snapshot refs)
    {
        if (r.CategoryId is { } cat && (!refs.Categories.TryGetValue(cat, out var category) || !category.Active))
            return Error.Invalid("unknown_category", $"There is no active category {cat}.", "categoryId");
        if (r.LeadDepartmentId is { } lead && !refs.Departments.ContainsKey(lead))
            return Error.Invalid("unknown_department", $"There is no department {lead}.", "leadDepartmentId");
        if (r.AssistingDepartmentIds?.FirstOrDefault(d => !refs.Departments.ContainsKey(d)) is { } bad and not 0)
            return Error.Invalid("unknown_department", $"There is no department {bad}.", "assistingDepartmentIds");
        return null;
    }

    private async Task<Result<Registered>?> ReplayAsync(RedressDb db, Actor actor, string key, string requestHash, ReferenceData.Snapshot refs, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == actor.UserId && x.Key == key, ct);
        if (record is null) return null;
        if (record.RequestHash != requestHash)
            return Error.Invalid("idempotency_key_reused", "This Idempotency-Key was used for a different request.", "Idempotency-Key");
        var kase = await db.Cases.AsNoTracking().Include(c => c.Clocks).AsSplitQuery().FirstAsync(c => c.Id == record.CaseId, ct);
        return new Registered(CaseDetails.From(kase, actor, refs, clock.GetUtcNow().UtcDateTime), true);
    }
}
