using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Admin;

public sealed record ReplyTemplateInput(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, RegularExpression("^(zh-CN|en)$")] string Language,
    [property: Required, StringLength(4000, MinimumLength = 1)] string Text);

public sealed record ReplyTemplateItem(int Id, string Name, string Language, string Text, DateTime UpdatedAt);

/// <summary>
/// Reply templates (R-WF-5): administrators write them, every member of staff reads them on the case page.
/// Deleting a template is harmless: a communication keeps the text it was sent with.
/// </summary>
public sealed class ManageReplyTemplates(IDbContextFactory<RedressDb> dbs, TimeProvider clock)
{
    /// <param name="language">zh-CN or en; null for every language.</param>
    public async Task<List<ReplyTemplateItem>> ListAsync(string? language, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var templates = db.ReplyTemplates.AsNoTracking();
        if (language is not null) templates = templates.Where(t => t.Language == language);
        return await templates.OrderBy(t => t.Language).ThenBy(t => t.Name)
            .Select(t => new ReplyTemplateItem(t.Id, t.Name, t.Language, t.Text, t.UpdatedAt)).ToListAsync(ct);
    }

    public async Task<Result<ReplyTemplateItem>> CreateAsync(ReplyTemplateInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await CheckAsync(db, input, null, ct) is { } error) return error;
        var t = new ReplyTemplate { Name = input.Name.Trim(), Language = input.Language, Text = input.Text, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.ReplyTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return Item(t);
    }

    public async Task<Result<ReplyTemplateItem>> UpdateAsync(int id, ReplyTemplateInput input, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var t = await db.ReplyTemplates.FindAsync([id], ct);
        if (t is null) return Error.NotFound("Reply template");
        if (await CheckAsync(db, input, id, ct) is { } error) return error;
        (t.Name, t.Language, t.Text, t.UpdatedAt) = (input.Name.Trim(), input.Language, input.Text, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Item(t);
    }

    public async Task<Result> DeleteAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var t = await db.ReplyTemplates.FindAsync([id], ct);
        if (t is null) return Error.NotFound("Reply template");
        // Through SaveChanges, not ExecuteDelete: on SQLite that is what queues at the writer gate.
        db.ReplyTemplates.Remove(t);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    private static async Task<Error?> CheckAsync(RedressDb db, ReplyTemplateInput input, int? id, CancellationToken ct)
    {
        if (ReplyTemplate.CheckText(input.Text) is { } bad) return bad;
        var name = input.Name.Trim();
        return await db.ReplyTemplates.AnyAsync(t => t.Language == input.Language && t.Name == name && t.Id != id, ct)
            ? Error.Invalid("duplicate_name", $"There is already a {input.Language} template named {name}.", "name")
            : null;
    }

    private static ReplyTemplateItem Item(ReplyTemplate t) => new(t.Id, t.Name, t.Language, t.Text, t.UpdatedAt);
}
