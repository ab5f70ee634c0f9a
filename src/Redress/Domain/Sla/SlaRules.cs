namespace Redress.Domain.Sla;

/// <summary>
/// Everything the clocks of a case need, as of now: the active profile and the calendars. A department may
/// work to its own calendar; otherwise the profile's applies.
/// </summary>
public sealed class SlaRules(SlaProfile profile, IReadOnlyDictionary<string, BusinessCalendar> calendars, IReadOnlyDictionary<int, string> departmentCalendars)
{
    public SlaProfile Profile { get; } = profile;

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; } = calendars;

    public BusinessCalendar CalendarFor(int? departmentId) =>
        departmentId is { } d && departmentCalendars.TryGetValue(d, out var code) && Calendars.TryGetValue(code, out var own) ? own
        : Calendars.TryGetValue(Profile.CalendarCode, out var calendar) ? calendar
        : throw new InvalidOperationException($"The SLA profile {Profile.Code} names calendar {Profile.CalendarCode}, which does not exist.");

    public ClockContext ContextFor(int? departmentId) =>
        new(CalendarFor(departmentId), Profile.WarnAtPercent, Profile.EscalateAfterMinutes);
}
