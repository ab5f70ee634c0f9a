using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Routing;
using Redress.Features.Reference;

namespace Redress.Features.Routing;

public sealed record RoutingRuleInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required] int? DepartmentId,
    int? CategoryId,
    [property: StringLength(1_000)] string? ProductPattern,
    Channel? Channel,
    [property: StringLength(1_000)] string? RegionKeywords,
    [property: Range(0, 1_000)] int Priority = 10,
    bool Active = true)
{
    public RoutingRuleSpec ToSpec() => new(Name, CategoryId, ProductPattern, Channel, RegionKeywords, DepartmentId!.Value, Priority, Active);
}

public sealed record RoutingRuleItem(
    int Id, string Name, int DepartmentId, int? CategoryId, string? ProductPattern, Channel? Channel, string? RegionKeywords,
    int Priority, bool Active, int Version, DateTime UpdatedAt, string UpdatedBy)
{
    public static RoutingRuleItem From(RoutingRule r) => new(r.Id, r.Name, r.DepartmentId, r.CategoryId, r.ProductPattern, r.Channel,
        r.RegionKeywords, r.Priority, r.Active, r.Version, r.UpdatedAt, r.UpdatedBy);
}

/// <summary>A new case's facts, to see which rule would route it.</summary>
public sealed record RouteTestInput(
    int? CategoryId,
    [property: StringLength(200)] string? ProductName,
    [property: StringLength(64)] string? Sku,
    [property: Required] Channel? Channel,
    [property: StringLength(500)] string? Address);

public sealed record RouteTestResult(int? RuleId, string? RuleName, int? DepartmentId);

/// <summary>
/// Routing rules (R-WF-2), for the API and /admin/routing alike. Rules are versioned: a change names the version it
/// was made on (If-Match), so two administrators never overwrite each other. Disabled, never deleted: the timeline
/// names its rules. Changes reach registration at once here, within half a minute elsewhere (<see cref="RoutingSettings"/>).
/// </summary>
public sealed class ManageRoutingRules(IDbContextFactory<RedressDb> dbs, RoutingSettings settings, ReferenceData reference, TimeProvider clock)
{
    private static readonly Error StaleRule = new("stale", "The rule was changed by someone else since you read it; reload and try again.", ErrorKind.PreconditionFailed);

    public async Task<List<RoutingRuleItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var all = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        return [.. all.OrderByDescending(r => r.Active).ThenByDescending(r => r.Priority).ThenBy(r => r.Id).Select(RoutingRuleItem.From)];
    }

    public async Task<Result<RoutingRuleItem>> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule
            ? RoutingRuleItem.From(rule) : Error.NotFound("Routing rule");
    }

    public async Task<Result<RoutingRuleItem>> CreateAsync(RoutingRuleInput input, Actor actor, CancellationToken ct)
    {
        if (await CheckReferencesAsync(input, ct) is { } invalid) return invalid;
        var created = RoutingRule.Create(input.ToSpec(), actor.Name, Now);
        if (!created.IsSuccess) return created.Error!;
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.RoutingRules.Add(created.Value);
        await db.SaveChangesAsync(ct);
        settings.Invalidate();
        return RoutingRuleItem.From(created.Value);
    }

    public async Task<Result<RoutingRuleItem>> UpdateAsync(int id, int? ifMatch, RoutingRuleInput input, Actor actor, CancellationToken ct)
    {
        if (await CheckReferencesAsync(input, ct) is { } invalid) return invalid;
        return await ChangeAsync(id, ifMatch, rule => rule.Change(input.ToSpec(), actor.Name, Now), ct);
    }

    public Task<Result<RoutingRuleItem>> DisableAsync(int id, int? ifMatch, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, rule => rule.Change(rule.Spec with { Active = false }, actor.Name, Now), ct);

    /// <summary>Which active rule would route a case with these facts now.</summary>
    public async Task<RouteTestResult> TestAsync(RouteTestInput input, CancellationToken ct)
    {
        var refs = await reference.GetAsync(ct);
        var book = (await settings.GetAsync(ct)).Book;
        var lineage = RouteMatch.Lineage(input.CategoryId, id => refs.Categories.TryGetValue(id, out var c) ? c.ParentId : null);
        var rule = book.FirstMatch(new RouteFacts(lineage, input.ProductName, input.Sku, input.Channel!.Value, input.Address),
            d => refs.Departments.TryGetValue(d, out var dept) && dept.Active);
        return new RouteTestResult(rule?.Id, rule?.Name, rule?.DepartmentId);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Result<RoutingRuleItem>> ChangeAsync(int id, int? ifMatch, Func<RoutingRule, Result> change, CancellationToken ct)
    {
        if (ifMatch is null) return Error.VersionRequired;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rule = await db.RoutingRules.FindAsync([id], ct);
        if (rule is null) return Error.NotFound("Routing rule");
        if (rule.Version != ifMatch) return StaleRule;
        var result = change(rule);
        if (!result.IsSuccess) return result.Error!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleRule;
        }
        settings.Invalidate();
        return RoutingRuleItem.From(rule);
    }

    private async Task<Error?> CheckReferencesAsync(RoutingRuleInput input, CancellationToken ct)
    {
        var refs = await reference.GetAsync(ct);
        if (input.CategoryId is { } cat && !refs.Categories.ContainsKey(cat))
            return Error.Invalid("unknown_category", $"There is no category {cat}.", "categoryId");
        if (!refs.Departments.TryGetValue(input.DepartmentId!.Value, out var d))
            return Error.Invalid("unknown_department", $"There is no department {input.DepartmentId}.", "departmentId");
        return input.Active && !d.Active
            ? Error.Invalid("inactive_department", $"Department {d.Code} is inactive: it takes no new cases.", "departmentId")
            : null;
    }
}
