namespace Redress.Domain.Cases;

/// <summary>
/// Organisation settings the lifecycle needs. The due date it gives a case at registration and re-grade is a
/// first value only: the case's resolution clock (Domain/Sla, ApplyClockRules) sets it from the SLA profile.
/// </summary>
public sealed record CasePolicy
{
    /// <summary>Calendar days to resolve a case, by grade 1..4.</summary>
    public int[] ResolutionDaysByGrade { get; init; } = [3, 5, 10, 15];

    /// <summary>R-WF-7: months after closing that a grade 1-2 case is reviewed.</summary>
    public int ReviewAfterMonths { get; init; } = 3;

    public DateTime DueFrom(DateTime createdAt, int grade) => createdAt.AddDays(ResolutionDaysByGrade[grade - 1]);

    public static readonly CasePolicy Default = new();
}
