using System.Globalization;
using Microsoft.Extensions.Localization;
using Redress.Domain.Sla;
using Redress.Features.Cases;
using Redress.Web;

namespace Redress.Features.Sla;

/// <summary>
/// How long a clock has left, or how long it is overdue, as people say it: the two largest whole units
/// ("2 h 15 min left", "overdue by 1 d 3 h"). Whole units are cut, not rounded, so time left is never
/// overstated. Days are calendar days of 24 hours, whatever the limit's unit: this is the time on the wall.
/// </summary>
public static class TimeLeft
{
    /// <summary>"1 d 3 h", "2 h 15 min", "5 min", "&lt; 1 min" for a duration that is not negative.</summary>
    public static string Span(TimeSpan span, IStringLocalizer text)
    {
        if (span < TimeSpan.Zero) span = span.Duration();
        var (days, hours, minutes) = ((int)span.TotalDays, span.Hours, span.Minutes);
        string Unit(string key, int n) => string.Format(CultureInfo.CurrentCulture, text[key], n);
        if (days > 0) return hours > 0 ? $"{Unit("Clock.Days", days)} {Unit("Clock.Hours", hours)}" : Unit("Clock.Days", days);
        if (hours > 0) return minutes > 0 ? $"{Unit("Clock.Hours", hours)} {Unit("Clock.Minutes", minutes)}" : Unit("Clock.Hours", hours);
        return minutes > 0 ? Unit("Clock.Minutes", minutes) : text["Clock.UnderAMinute"];
    }

    /// <summary>"2 h 15 min left" or "overdue by 1 d 3 h".</summary>
    public static string Describe(TimeSpan left, IStringLocalizer text) =>
        string.Format(CultureInfo.CurrentCulture, text[left > TimeSpan.Zero ? "Clock.Left" : "Clock.OverdueBy"], Span(left, text));

    /// <summary>
    /// What a clock's row says after its state: time left or overdue while it runs, what it had left when it paused,
    /// when it was met and whether in time.
    /// </summary>
    public static string Describe(ClockView clock, DateTime now, UserTime time, IStringLocalizer text)
    {
        string F(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);
        return clock.State switch
        {
            ClockState.Met when clock.MetAt is { } met => met <= clock.DueAt
                ? F("Clock.MetOnTime", time.Format(met))
                : F("Clock.MetLate", time.Format(met), Span(met - clock.DueAt, text)),
            ClockState.Stopped => text["Clock.NoLongerCounts"],
            ClockState.Paused when clock.PausedAt is { } paused => clock.DueAt > paused
                ? F("Clock.PausedLeft", Span(clock.DueAt - paused, text))
                : F("Clock.PausedOverdue", Span(paused - clock.DueAt, text)),
            _ => Describe(clock.DueAt - now, text),
        };
    }

    /// <summary>
    /// The state to show: a running clock past its due time shows as breached though the scheduler has not taken
    /// the step yet (it does within its interval), so the colour never contradicts "overdue by".
    /// </summary>
    public static ClockState Shown(ClockView clock, DateTime now) =>
        clock.State is ClockState.Running or ClockState.Warned && clock.DueAt <= now ? ClockState.Breached : clock.State;

    /// <summary>The target's name as a label: "Report to supervisor" (the strings are written to sit inside sentences).</summary>
    public static string TargetName(SlaTarget target, IStringLocalizer text)
    {
        string name = text[$"Sla.Target.{target}"];
        return name.Length == 0 ? name : char.ToUpper(name[0], CultureInfo.CurrentCulture) + name[1..];
    }
}
