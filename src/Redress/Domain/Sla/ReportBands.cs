namespace Redress.Domain.Sla;

/// <summary>
/// R-SLA-5's report: which of a profile's buckets a resolved case falls in. The buckets are bands: a case counts
/// once, in the band with the earliest limit that it was resolved within (FCA: "within 3 business days", else
/// "within 8 weeks"), and in none when it took longer than all of them. Limits run from receipt (registration),
/// in the calendar of the case's lead department, without pauses: regulators count elapsed time, not our clocks.
/// </summary>
/// <remarks>
/// A working-day limit depends only on the local date of receipt, so it is worked out once per date and calendar:
/// a month's report at scale has tens of thousands of cases but only some thirty dates.
/// </remarks>
public sealed class ReportBands(IReadOnlyList<ReportBucket> buckets)
{
    private readonly Dictionary<(string Calendar, int Bucket, DateOnly Date), DateTime> _workingDayLimits = [];
    private readonly Dictionary<string, TimeZoneInfo> _zones = [];

    public IReadOnlyList<ReportBucket> Buckets { get; } = buckets;

    /// <summary>The index in <see cref="Buckets"/> of the case's band, or null when it was resolved after all of them.</summary>
    public int? BandOf(DateTime receivedUtc, DateTime resolvedUtc, BusinessCalendar calendar)
    {
        int? band = null;
        var earliest = DateTime.MaxValue;
        for (var i = 0; i < Buckets.Count; i++)
        {
            var limit = LimitOf(i, receivedUtc, calendar);
            if (resolvedUtc <= limit && limit < earliest) (band, earliest) = (i, limit);
        }
        return band;
    }

    private DateTime LimitOf(int bucket, DateTime receivedUtc, BusinessCalendar calendar)
    {
        var within = Buckets[bucket].Within;
        if (within.Unit != SlaUnit.WorkingDays || within.Amount < 1) return within.DueFrom(receivedUtc, calendar);
        if (!_zones.TryGetValue(calendar.Code, out var zone)) _zones[calendar.Code] = zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc), zone));
        var key = (calendar.Code, bucket, date);
        if (!_workingDayLimits.TryGetValue(key, out var limit)) _workingDayLimits[key] = limit = within.DueFrom(receivedUtc, calendar);
        return limit;
    }
}
