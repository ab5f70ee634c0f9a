using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Reference;

namespace Redress.Features.Triage;

public sealed record TriageRuleInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required] TriageLanguage? Language,
    [property: Required] MatchKind? Kind,
    [property: Required, StringLength(4_000, MinimumLength = 1)] string Terms,
    int? CategoryId,
    [property: Range(1, 4)] int? MaxGrade,
    [property: MaxLength(3)] List<CaseFlags>? Flags,
    [property: Range(0, 1_000)] int Priority = 10,
    bool Apply = false,
    bool Active = true)
{
    public TriageRuleSpec ToSpec() => new(Name, Language!.Value, Kind!.Value, Terms, CategoryId, MaxGrade, Flags.ToFlags(), Priority, Apply, Active);
}

public sealed record TriageRuleItem(
    int Id, string Name, TriageLanguage Language, MatchKind Kind, string Terms, int? CategoryId, int? MaxGrade,
    IReadOnlyList<CaseFlags> Flags, int Priority, bool Apply, bool Active, int Version, DateTime UpdatedAt, string UpdatedBy)
{
    public static TriageRuleItem From(TriageRule r) => new(r.Id, r.Name, r.Language, r.Kind, r.Terms, r.CategoryId, r.MaxGrade,
        [.. Enum.GetValues<CaseFlags>().Where(f => f != CaseFlags.None && r.Flags.HasFlag(f))], r.Priority, r.Apply, r.Active, r.Version, r.UpdatedAt, r.UpdatedBy);
}

/// <summary>A text to try the rules on; with a draft, the draft takes the place of the rule it edits (or joins them).</summary>
public sealed record TriageTestInput(
    [property: Required, StringLength(10_200, MinimumLength = 1)] string Text,
    TriageRuleInput? Draft,
    int? DraftOf);

/// <summary>
/// The keyword rules (R-CL-3), for the API and the administration page alike. Rules are checked by the domain
/// (a bad pattern is refused at its field) and disabled, never deleted; every change reaches registration at
/// once on this instance and within half a minute on the others (<see cref="TriageRules"/>).
/// </summary>
public sealed class ManageTriageRules(IDbContextFactory<RedressDb> dbs, TriageRules rules, ReferenceData reference, SuggestTriage suggest, TimeProvider clock)
{
    public async Task<List<TriageRuleItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var all = await db.TriageRules.AsNoTracking().ToListAsync(ct);
        return [.. all.OrderByDescending(r => r.Active).ThenByDescending(r => r.Priority).ThenBy(r => r.Id).Select(TriageRuleItem.From)];
    }

    public async Task<Result<TriageRuleItem>> CreateAsync(TriageRuleInput input, Actor actor, CancellationToken ct)
    {
        if (await CheckCategoryAsync(input, ct) is { } invalid) return invalid;
        var created = TriageRule.Create(input.ToSpec(), actor.Name, Now);
        if (!created.IsSuccess) return created.Error!;
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.TriageRules.Add(created.Value);
        await db.SaveChangesAsync(ct);
        rules.Invalidate();
        return TriageRuleItem.From(created.Value);
    }

    public async Task<Result<TriageRuleItem>> UpdateAsync(int id, TriageRuleInput input, Actor actor, CancellationToken ct)
    {
        if (await CheckCategoryAsync(input, ct) is { } invalid) return invalid;
        return await ChangeAsync(id, rule => rule.Change(input.ToSpec(), actor.Name, Now), ct);
    }

    public Task<Result<TriageRuleItem>> DisableAsync(int id, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, rule =>
        {
            rule.Disable(actor.Name, Now);
            return Result.Success;
        }, ct);

    /// <summary>What the rules make of a text now, with the draft in place when one is given.</summary>
    public async Task<Result<TriageSuggestion>> TestAsync(TriageTestInput input, CancellationToken ct)
    {
        var book = await rules.GetAsync(ct);
        if (input.Draft is { } draft)
        {
            if (await CheckCategoryAsync(draft, ct) is { } invalid) return invalid;
            var rule = TriageRule.Create(draft.ToSpec() with { Active = true }, "draft", Now);
            if (!rule.IsSuccess) return rule.Error!;
            book = RuleBook.Compile([.. book.Rules.Where(r => r.Id != input.DraftOf), rule.Value]);
        }
        return suggest.ForText("", input.Text, book, await reference.GetAsync(ct));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Result<TriageRuleItem>> ChangeAsync(int id, Func<TriageRule, Result> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rule = await db.TriageRules.FindAsync([id], ct);
        if (rule is null) return Error.NotFound("Triage rule");
        var result = change(rule);
        if (!result.IsSuccess) return result.Error!;
        await db.SaveChangesAsync(ct);
        rules.Invalidate();
        return TriageRuleItem.From(rule);
    }

    private async Task<Error?> CheckCategoryAsync(TriageRuleInput input, CancellationToken ct) =>
        input.CategoryId is { } id && !(await reference.GetAsync(ct)).Categories.ContainsKey(id)
            ? Error.Invalid("unknown_category", $"There is no category {id}.", "categoryId")
            : null;
}
