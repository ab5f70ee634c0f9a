using Redress.Domain.Cases;

namespace Redress.UnitTests.Builders;

public static class Times
{
    /// <summary>When the builder registers its cases (a Monday morning in Beijing).</summary>
    public static readonly DateTime Start = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>A moment after the case's last change, for the next action.</summary>
    public static DateTime After(Case kase) => kase.UpdatedAt.AddHours(1);
}
