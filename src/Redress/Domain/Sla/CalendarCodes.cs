namespace Redress.Domain.Sla;

/// <summary>The calendars Redress ships; administrators add their own.</summary>
public static class CalendarCodes
{
    public const string China = "CN";
    public const string UnitedKingdom = "UK";
    public const string UnitedStates = "US";
}
