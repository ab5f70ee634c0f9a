using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Admin;

public sealed record NumberFormatInput([property: Required, StringLength(200, MinimumLength = 1)] string Format);

/// <param name="Format">The template new cases are numbered with.</param>
/// <param name="Default">Numbering:Format from the configuration: what applies when no administrator has set one.</param>
/// <param name="Sample">What today's first phone case would be numbered, in this format.</param>
public sealed record NumberFormatSetting(string Format, string Default, bool IsDefault, string Sample, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>
/// R-IN-2 "format configurable": the case-number template as an administrator's setting. A template is
/// checked by <see cref="CaseNumberFormat"/> before it is stored, so registration never meets a bad one. It
/// applies to the next case here at once and on other instances within <see cref="StoredSettings.MaxAge"/>.
/// Numbers already given keep their format: a case number never changes.
/// </summary>
public sealed class NumberingSettings(IDbContextFactory<RedressDb> dbs, StoredSettings settings, CaseNumbers numbers, TimeProvider clock)
{
    public const int MaxNumberLength = 40;

    public async Task<NumberFormatSetting> GetAsync(CancellationToken ct)
    {
        var row = (await settings.GetAsync(ct)).Rows.GetValueOrDefault(Setting.NumberFormat);
        var format = await numbers.CurrentFormatAsync(ct);
        return Describe(format, row);
    }

    public async Task<Result<NumberFormatSetting>> ChangeAsync(NumberFormatInput input, Actor actor, CancellationToken ct)
    {
        CaseNumberFormat format;
        try
        {
            format = new CaseNumberFormat(input.Format.Trim());
        }
        catch (ArgumentException e)
        {
            return Error.Invalid("invalid_number_format", e.Message, "format");
        }
        // The number column holds 40 characters (CaseConfiguration); a six-digit serial must still fit.
        if (format.Format(new DateOnly(2026, 12, 31), Channel.Phone, 999_999).Length > MaxNumberLength)
            return Error.Invalid("number_too_long", $"Numbers in this format would be longer than {MaxNumberLength} characters.", "format");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Settings.FindAsync([Setting.NumberFormat], ct);
        if (row is null) db.Settings.Add(row = new Setting { Key = Setting.NumberFormat });
        (row.Value, row.UpdatedAt, row.UpdatedBy) = (format.Template, clock.GetUtcNow().UtcDateTime, actor.Name);
        await db.SaveChangesAsync(ct);
        settings.Invalidate();
        return Describe(format, row);
    }

    /// <summary>Back to Numbering:Format from the configuration: the administrator's row is removed.</summary>
    public async Task<NumberFormatSetting> ResetAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Settings.FindAsync([Setting.NumberFormat], ct) is { } row)
        {
            db.Settings.Remove(row);
            await db.SaveChangesAsync(ct);
        }
        settings.Invalidate();
        return Describe(numbers.Default, null);
    }

    private NumberFormatSetting Describe(CaseNumberFormat format, Setting? row) => new(
        format.Template, numbers.Default.Template, row is null, format.Format(numbers.LocalDate(clock.GetUtcNow().UtcDateTime), Channel.Phone, 1),
        row?.UpdatedAt, row?.UpdatedBy);
}
