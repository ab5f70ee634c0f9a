namespace Redress.Domain.Cases;

/// <summary>The lifecycle of R-WF-1: 受理 → 确认 → 分派 → 调查 → 方案 → (审批) → 实施 → 客户确认 → 结案.</summary>
public enum CaseStatus
{
    Received,
    Acknowledged,
    Assigned,
    Investigating,
    SolutionProposed,
    Approved,
    Implementing,
    AwaitingConfirmation,
    Closed,
    Reopened,
    Withdrawn,
    /// <summary>Out of scope (R-IN-5): recorded, explained to the customer and referred elsewhere.</summary>
    Referred,
    /// <summary>A duplicate, closed as merged into the case that goes on (<see cref="Case.MergedIntoId"/>).</summary>
    Merged,
}

public static class CaseStatuses
{
    public static bool IsOpen(this CaseStatus status) =>
        status is not (CaseStatus.Closed or CaseStatus.Withdrawn or CaseStatus.Referred or CaseStatus.Merged);

    public static readonly IReadOnlyList<CaseStatus> Open = [.. Enum.GetValues<CaseStatus>().Where(s => s.IsOpen())];
}
