namespace Redress.Domain.Analytics;

/// <summary>One calendar day of the organisation, as the UTC instants its midnights fall on.</summary>
/// <param name="FromUtc">The day's first instant (inclusive).</param>
/// <param name="ToUtc">The next day's first instant (exclusive).</param>
public sealed record LocalDay(DateOnly Date, DateTime FromUtc, DateTime ToUtc);

/// <summary>
/// Days as the organisation counts them: midnight to midnight in its time zone, so "new today" and the daily
/// volume agree with the dates in case numbers. Each midnight is converted on its own: with daylight saving a
/// day is 23 or 25 hours, and in a few zones the clocks jump at midnight itself.
/// </summary>
public static class LocalDays
{
    /// <summary>The <paramref name="count"/> days ending with today, oldest first; today is the last.</summary>
    public static IReadOnlyList<LocalDay> EndingToday(int count, DateTime utcNow, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone));
        var days = new LocalDay[count];
        for (var i = 0; i < count; i++)
        {
            var date = today.AddDays(i - count + 1);
            days[i] = new LocalDay(date, StartUtc(date, zone), StartUtc(date.AddDays(1), zone));
        }
        return days;
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/>, in UTC.</summary>
    public static DateTime StartUtc(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Clocks that spring forward at midnight skip it: the day starts at the first minute that exists.
        while (zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(15);
        // Clocks that fall back at midnight pass it twice: the day starts at the first (larger offset).
        var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
        return DateTime.SpecifyKind(midnight - offset, DateTimeKind.Utc);
    }
}
