using System.Globalization;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

/// <summary>Working periods as people write them: HH:mm, and 24:00 for the end of the day.</summary>
public static class CalendarTimes
{
    public const string StartPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    public const string EndPattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";

    /// <summary>From a request that passed its patterns.</summary>
    public static WorkingPeriod Period(PeriodInput p) => new(p.Day, Parse(p.Start), Parse(p.End));

    public static TimeOnly Parse(string hhmm) =>
        hhmm == "24:00" ? TimeOnly.MaxValue : TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary><see cref="TimeOnly.MaxValue"/> is midnight at the end of the day (<see cref="WorkingPeriod.End"/>).</summary>
    public static string FormatEnd(TimeOnly time) => time == TimeOnly.MaxValue ? "24:00" : Format(time);
}

/// <summary>
/// Dated days pasted as text, one a line, as the State Council's notice is read out: <c>2027-01-01 holiday 元旦</c>,
/// <c>2027-02-07 workday 春节调休</c>. The kind may also be written 休 or 班; blank lines and lines starting
/// with # are skipped.
/// </summary>
public static class CalendarDayLines
{
    /// <param name="BadLine">The first line that could not be read (1-based), when there is one.</param>
    public sealed record Parsed(List<DatedDayInput> Days, int? BadLine);

    public static Parsed Parse(string? text)
    {
        var days = new List<DatedDayInput>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 3
                || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || Kind(parts[1]) is not { } kind)
                return new Parsed(days, i + 1);
            days.Add(new DatedDayInput(date, kind, parts[2]));
        }
        return new Parsed(days, null);
    }

    private static CalendarDayKind? Kind(string word) => word.ToLowerInvariant() switch
    {
        "holiday" or "off" or "休" or "假" => CalendarDayKind.Holiday,
        "workday" or "work" or "班" or "上班" => CalendarDayKind.Workday,
        _ => null,
    };

    /// <summary>The other way round, for showing a year's days in the same form.</summary>
    public static string Format(IEnumerable<CalendarDayItem> days) => string.Join('\n', days.Select(d =>
        $"{d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {(d.Kind == CalendarDayKind.Holiday ? "holiday" : "workday")} {d.Name}"));
}
