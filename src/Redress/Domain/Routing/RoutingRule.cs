using Redress.Domain.Cases;

namespace Redress.Domain.Routing;

/// <summary>What an administrator writes in a routing rule; every condition left empty matches anything.</summary>
public sealed record RoutingRuleSpec(
    string Name, int? CategoryId, string? ProductPattern, Channel? Channel, string? RegionKeywords,
    int DepartmentId, int Priority, bool Active);

/// <summary>
/// R-WF-2 分派规则: a case that intake gave no lead department (主导部门) goes to the department of the first active
/// rule, by priority (higher first, then oldest), whose conditions all hold. See docs/adr/0012-routing.md.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Matches this category and every sub-category under it.</summary>
    public int? CategoryId { get; private set; }
    /// <summary>Globs (* any run, ? one character), one per line or comma, on the product name or the SKU.</summary>
    public string? ProductPattern { get; private set; }
    public Channel? Channel { get; private set; }
    /// <summary>Place names (省/市/区, or English), any of which in the customer's address matches.</summary>
    public string? RegionKeywords { get; private set; }
    public int DepartmentId { get; private set; }
    public int Priority { get; private set; }
    public bool Active { get; private set; }
    /// <summary>The ETag of the API; bumped by every change.</summary>
    public int Version { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    private RoutingRule() { }

    public static Result<RoutingRule> Create(RoutingRuleSpec spec, string by, DateTime now)
    {
        if (Check(spec) is { } error) return error;
        var rule = new RoutingRule();
        rule.Set(spec, by, now);
        return rule;
    }

    public Result Change(RoutingRuleSpec spec, string by, DateTime now)
    {
        if (Check(spec) is { } error) return error;
        Set(spec, by, now);
        return Result.Success;
    }

    public RoutingRuleSpec Spec => new(Name, CategoryId, ProductPattern, Channel, RegionKeywords, DepartmentId, Priority, Active);

    public static Error? Check(RoutingRuleSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Name)) return Error.Invalid("name_required", "A rule has a name.", "name");
        if (spec.ProductPattern is { } p && !string.IsNullOrWhiteSpace(p) && RouteMatch.TermsOf(p).Any(t => t.Trim('*', '?').Length == 0))
            return Error.Invalid("pattern_too_broad", "A product pattern needs at least one letter or digit besides * and ?; leave it empty to match any product.", "productPattern");
        if (spec.RegionKeywords is { } r && !string.IsNullOrWhiteSpace(r) && RouteMatch.TermsOf(r).Count == 0)
            return Error.Invalid("region_required", "List place names separated by commas, or leave the region empty.", "regionKeywords");
        return null;
    }

    private void Set(RoutingRuleSpec spec, string by, DateTime now)
    {
        Name = spec.Name.Trim();
        CategoryId = spec.CategoryId;
        ProductPattern = Blank(spec.ProductPattern);
        Channel = spec.Channel;
        RegionKeywords = Blank(spec.RegionKeywords);
        DepartmentId = spec.DepartmentId;
        Priority = spec.Priority;
        Active = spec.Active;
        (Version, UpdatedAt, UpdatedBy) = (Version + 1, now, by);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
