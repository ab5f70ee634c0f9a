using Redress.Domain.Sla;

namespace Redress.UnitTests.Builders;

/// <summary>The rules a fresh installation runs on: the manuals' internal profile on the China 2026 calendar.</summary>
public static class TestRules
{
    public static readonly SlaRules Internal = With(SlaPresets.Internal());

    public static SlaRules With(SlaProfile profile)
    {
        profile.Activate(true);
        return new SlaRules(profile,
            new Dictionary<string, BusinessCalendar>
            {
                [CalendarCodes.China] = BusinessCalendar.ChinaMainland(),
                [CalendarCodes.UnitedKingdom] = BusinessCalendar.UnitedKingdom(),
                [CalendarCodes.UnitedStates] = BusinessCalendar.UnitedStates(),
            },
            new Dictionary<int, string>());
    }
}
