using Redress.Domain.Cases;

namespace Redress.Domain.Sla;

/// <summary>
/// The regulatory profiles Redress ships (R-SLA-5). Each keeps the manuals' internal targets for first contact
/// and major complaints (seeds 001 p5-p7, 004 §2(二)) and adds the regulator's deadlines on top.
/// </summary>
public static class SlaPresets
{
    public const string InternalCode = "internal";

    private static TimeLimit Hours(int n) => new(n, SlaUnit.CalendarHours);
    private static TimeLimit BusinessHours(int n) => new(n, SlaUnit.BusinessHours);
    private static TimeLimit Days(int n) => new(n, SlaUnit.CalendarDays);
    private static TimeLimit WorkingDays(int n) => new(n, SlaUnit.WorkingDays);

    /// <summary>Grade 1-2, or urgent, legal/safety/media or group: 重大投诉.</summary>
    private static readonly PolicyMatch Major = new([1, 2], CaseFlags.Urgent | CaseFlags.Escalated | CaseFlags.Group, [], []);

    /// <summary>Major complaints: report to a supervisor within 1 h, start within 4 h, update the customer every 24 h.</summary>
    private static SlaPolicy MajorPolicy(TimeLimit resolution, string key = "major") => new(key, "重大投诉", "Major complaint", Major,
    [
        new(SlaTarget.Acknowledgement, Hours(1)),
        new(SlaTarget.SupervisorReport, Hours(1)),
        new(SlaTarget.HandlingStart, Hours(4)),
        new(SlaTarget.CustomerUpdate, Hours(24)),
        new(SlaTarget.Resolution, resolution),
    ]);

    /// <summary>General complaints: contact within 2 working hours, an initial plan within 24 h.</summary>
    private static SlaPolicy GeneralPolicy(TimeLimit resolution, string key = "general", PolicyMatch? match = null) =>
        new(key, "一般投诉", "General complaint", match ?? PolicyMatch.Everything,
        [
            new(SlaTarget.FirstContact, BusinessHours(2)),
            new(SlaTarget.Acknowledgement, BusinessHours(2)),
            new(SlaTarget.InitialPlan, Hours(24)),
            new(SlaTarget.Resolution, resolution),
        ]);

    public static SlaProfile Internal() => SlaProfile.Create(InternalCode, "企业内部时限", "Internal targets (complaint manuals)", CalendarCodes.China,
        [
            MajorPolicy(WorkingDays(3), "major-1") with { Match = new([1], CaseFlags.None, [], []), NameZh = "一级投诉", NameEn = "Grade 1 complaint" },
            MajorPolicy(WorkingDays(5)),
            GeneralPolicy(WorkingDays(10), match: new([3], CaseFlags.None, [], [])),
            GeneralPolicy(WorkingDays(15), "minor") with { NameZh = "轻微投诉", NameEn = "Minor complaint" },
        ],
        [new(WorkingDays(5), Role.Lead, NoticeToCustomer: true)],
        [new("3wd", WorkingDays(3)), new("10wd", WorkingDays(10)), new("15wd", WorkingDays(15))]).Value;

    /// <summary>
    /// 银行保险机构消费投诉处理管理办法 (银保监会令2020年第3号): decide within 15 days; 30 for complex cases; a further
    /// 30 only with a senior approver's sign-off, and the customer is told.
    /// </summary>
    public static SlaProfile ChinaBankingInsurance() => SlaProfile.Create("cn-banking", "银行保险消费投诉", "China banking & insurance (CBIRC Order 2020 No. 3)", CalendarCodes.China,
        [MajorPolicy(Days(15)), GeneralPolicy(Days(15))],
        [new(Days(15), Role.Lead, NoticeToCustomer: true), new(Days(30), Role.Executive, NoticeToCustomer: true)],
        [new("15d", Days(15)), new("30d", Days(30)), new("60d", Days(60))]).Value;

    /// <summary>FCA DISP 1.6: a final response within 8 weeks; DISP 1.5's short path when resolved by the 3rd business day.</summary>
    public static SlaProfile UkFcaDisp() => SlaProfile.Create("uk-fca", "英国 FCA DISP", "UK FCA DISP", CalendarCodes.UnitedKingdom,
        [MajorPolicy(Days(56)), GeneralPolicy(Days(56))],
        [],
        [new("3bd", WorkingDays(3)), new("8w", Days(56))]).Value;

    /// <summary>US CFPB: the company responds within 15 days and closes all but the most complicated within 60.</summary>
    public static SlaProfile UsCfpb() => SlaProfile.Create("us-cfpb", "美国 CFPB", "US CFPB", CalendarCodes.UnitedStates,
        [
            MajorPolicy(Days(60)) with { Targets = [.. MajorPolicy(Days(60)).Targets, new(SlaTarget.InitialPlan, Days(15))] },
            GeneralPolicy(Days(60)) with { Targets = [.. GeneralPolicy(Days(60)).Targets.Where(t => t.Target != SlaTarget.InitialPlan), new(SlaTarget.InitialPlan, Days(15))] },
        ],
        [],
        [new("15d", Days(15)), new("60d", Days(60))]).Value;

    public static IReadOnlyList<SlaProfile> All() => [Internal(), ChinaBankingInsurance(), UkFcaDisp(), UsCfpb()];
}
