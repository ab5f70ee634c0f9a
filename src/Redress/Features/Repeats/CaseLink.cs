using Redress.Data;
using Redress.Domain.Triage;

namespace Redress.Features.Repeats;

/// <summary>
/// A new case's link to an earlier case of the same customer: a repeat (R-CL-4) or a duplicate (a merge suggestion).
/// Written at registration with the case; both cases' pages show it. A duplicate's suggestion ends dismissed or
/// merged; a repeat's link is a fact and stays.
/// </summary>
public sealed class CaseLink
{
    public long Id { get; set; }
    /// <summary>The newer case, the one registration linked.</summary>
    public long CaseId { get; set; }
    public long LinkedCaseId { get; set; }
    public CaseLinkKind Kind { get; set; }
    public LinkReason Reason { get; set; }
    public double Score { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DismissedAt { get; set; }
    public string? DismissedBy { get; set; }
    public DateTime? MergedAt { get; set; }

    public bool IsPendingDuplicate => Kind == CaseLinkKind.Duplicate && DismissedAt is null && MergedAt is null;

    private const string Insert = """
        INSERT INTO "CaseLinks" ("CaseId", "LinkedCaseId", "Kind", "Reason", "Score", "CreatedAt")
        VALUES (@caseId, @linked, @kind, @reason, @score, @at)
        """;

    /// <summary>In registration's transaction, by plain INSERT like the case's own rows (Data/RegistrationRows.cs).</summary>
    internal static async Task InsertAsync(RedressDb db, long caseId, IReadOnlyList<LinkFinding> links, DateTime now, CancellationToken ct)
    {
        foreach (var link in links)
        {
            await using var command = db.Command(Insert).Bind("@caseId", caseId).Bind("@linked", link.CaseId).Bind("@kind", link.Kind.ToString())
                .Bind("@reason", link.Reason.ToString()).Bind("@score", link.Score).Bind("@at", now);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
