using Redress.Domain.Cases;

namespace Redress.Domain.Routing;

/// <summary>
/// What routing looks at in a new case. <paramref name="CategoryLineage"/> is the case's category and every category
/// above it, so a rule on a top category also takes its sub-categories.
/// </summary>
public sealed record RouteFacts(IReadOnlySet<int> CategoryLineage, string? ProductName, string? Sku, Channel Channel, string? Address);

/// <summary>The active rules in the order they are tried, each with its terms split once.</summary>
public sealed class RouteBook
{
    private readonly List<(RoutingRule Rule, IReadOnlyList<string> Products, IReadOnlyList<string> Regions)> _rules;

    private RouteBook(IEnumerable<RoutingRule> rules) =>
        _rules = [.. rules.Where(r => r.Active).OrderByDescending(r => r.Priority).ThenBy(r => r.Id)
            .Select(r => (r, RouteMatch.TermsOf(r.ProductPattern), RouteMatch.TermsOf(r.RegionKeywords)))];

    public static readonly RouteBook Empty = new([]);

    public static RouteBook Compile(IEnumerable<RoutingRule> rules) => new(rules);

    public IEnumerable<RoutingRule> Rules => _rules.Select(r => r.Rule);

    /// <summary>The first rule whose every condition holds and whose department can take cases, or null.</summary>
    public RoutingRule? FirstMatch(RouteFacts facts, Func<int, bool>? departmentOpen = null)
    {
        foreach (var (rule, products, regions) in _rules)
        {
            if (departmentOpen?.Invoke(rule.DepartmentId) == false) continue;
            if (rule.CategoryId is { } cat && !facts.CategoryLineage.Contains(cat)) continue;
            if (rule.Channel is { } channel && channel != facts.Channel) continue;
            if (products.Count > 0 && !products.Any(p => RouteMatch.Glob(p, facts.ProductName) || RouteMatch.Glob(p, facts.Sku))) continue;
            if (regions.Count > 0 && !regions.Any(r => facts.Address?.Contains(r, StringComparison.OrdinalIgnoreCase) == true)) continue;
            return rule;
        }
        return null;
    }
}

public static class RouteMatch
{
    /// <summary>A rule's product patterns or place names: one per line, or separated by commas (either width), 、 or ;.</summary>
    public static IReadOnlyList<string> TermsOf(string? terms) => terms is null ? []
        : [.. terms.Split(['\n', '\r', ',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The whole value against a glob, ignoring case: * any run (also none), ? one character. Iterative with one
    /// backtrack point, so a pattern costs linear time whatever an administrator writes.
    /// </summary>
    public static bool Glob(string pattern, string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                (star, resume) = (p, v);
                p++;
            }
            else if (star >= 0)
            {
                // The last * takes one more character, and matching resumes after it.
                p = star + 1;
                v = ++resume;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    /// <summary>A category and the categories above it (a cycle, which the admin pages prevent, ends the walk).</summary>
    public static IReadOnlySet<int> Lineage(int? categoryId, Func<int, int?> parentOf)
    {
        var lineage = new HashSet<int>();
        for (var c = categoryId; c is { } id && lineage.Add(id);) c = parentOf(id);
        return lineage;
    }
}
