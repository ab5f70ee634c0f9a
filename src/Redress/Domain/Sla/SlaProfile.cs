using Redress.Domain.Cases;

namespace Redress.Domain.Sla;

/// <summary>The time limits of R-SLA-1: each one starts and stops on its own events (see <see cref="CaseClock"/>).</summary>
public enum SlaTarget
{
    /// <summary>首次联系: someone has spoken to or written to the customer.</summary>
    FirstContact,
    /// <summary>确认受理: the complaint is acknowledged to the customer.</summary>
    Acknowledgement,
    /// <summary>上报主管: a lead or executive has acted on a major complaint.</summary>
    SupervisorReport,
    /// <summary>开始处理: investigation started.</summary>
    HandlingStart,
    /// <summary>初步方案: a solution is proposed.</summary>
    InitialPlan,
    /// <summary>进展通报: the customer hears from us again; restarts after every contact while the case is open.</summary>
    CustomerUpdate,
    /// <summary>处理完结: the case is closed.</summary>
    Resolution,
}

/// <summary>How a limit is counted. Business units follow the case's <see cref="BusinessCalendar"/>.</summary>
public enum SlaUnit
{
    CalendarHours,
    BusinessHours,
    CalendarDays,
    /// <summary>工作日: the day it starts does not count; due at the end of the last working day.</summary>
    WorkingDays,
}

public sealed record TimeLimit(int Amount, SlaUnit Unit)
{
    public TimeBasis Basis => Unit is SlaUnit.BusinessHours or SlaUnit.WorkingDays ? TimeBasis.Business : TimeBasis.Calendar;

    public DateTime DueFrom(DateTime start, BusinessCalendar calendar) => Unit switch
    {
        SlaUnit.CalendarHours => start.AddHours(Amount),
        SlaUnit.BusinessHours => calendar.AddWorkingTime(start, TimeSpan.FromHours(Amount)),
        SlaUnit.CalendarDays => start.AddDays(Amount),
        SlaUnit.WorkingDays => calendar.AddWorkingDays(start, Amount),
        _ => throw new InvalidOperationException($"Unknown SLA unit {Unit}."),
    };

    public override string ToString() => $"{Amount} {Unit}";
}

public sealed record TargetLimit(SlaTarget Target, TimeLimit Limit);

/// <summary>Which cases a policy is for. Empty lists match anything; flags match when the case has any of them.</summary>
public sealed record PolicyMatch(IReadOnlyList<int> Grades, CaseFlags AnyFlags, IReadOnlyList<int> CategoryIds, IReadOnlyList<Channel> Channels)
{
    public static readonly PolicyMatch Everything = new([], CaseFlags.None, [], []);

    /// <summary>By content: the lists make record equality compare references, and a match read back from JSON is a new one.</summary>
    public bool MatchesEverything =>
        (Grades.Count == 0 && AnyFlags == CaseFlags.None || Grades.Order().SequenceEqual([1, 2, 3, 4]))
        && CategoryIds.Count == 0 && Channels.Count == 0;

    public bool Matches(int grade, CaseFlags flags, int? categoryId, Channel channel)
    {
        // Grades and flags are alternatives (a grade 3 safety complaint is still major); category and channel narrow.
        var severity = (Grades.Count == 0 && AnyFlags == CaseFlags.None)
            || Grades.Contains(grade) || (AnyFlags != CaseFlags.None && (flags & AnyFlags) != 0);
        return severity
            && (CategoryIds.Count == 0 || categoryId is { } c && CategoryIds.Contains(c))
            && (Channels.Count == 0 || Channels.Contains(channel));
    }
}

/// <summary>One row of a profile: the targets for the cases it matches.</summary>
public sealed record SlaPolicy(string Key, string NameZh, string NameEn, PolicyMatch Match, IReadOnlyList<TargetLimit> Targets);

/// <summary>
/// 延期: one more step of time for the resolution, approved by <paramref name="Approver"/>. Steps are taken in
/// order; the customer is told when <paramref name="NoticeToCustomer"/>.
/// </summary>
public sealed record ExtensionStep(TimeLimit ExtendBy, Role Approver, bool NoticeToCustomer);

/// <summary>A band of the regulator's report: cases resolved within this time of receipt.</summary>
public sealed record ReportBucket(string Key, TimeLimit Within);

/// <summary>
/// R-SLA-5: a regulatory profile bundles the policies (deadlines), the extension steps and the report buckets
/// an organisation works to. Exactly one profile is active.
/// </summary>
public sealed class SlaProfile
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public bool IsActive { get; private set; }
    /// <summary>The calendar for departments without one of their own.</summary>
    public string CalendarCode { get; private set; } = "";
    /// <summary>Warn when this share of a limit has passed (R-SLA-3).</summary>
    public int WarnAtPercent { get; private set; } = 75;
    /// <summary>After a breach was escalated to the lead, escalate to executives this much later.</summary>
    public int EscalateAfterMinutes { get; private set; } = 240;
    /// <summary>First match wins; the last is usually a catch-all.</summary>
    public List<SlaPolicy> Policies { get; private set; } = [];
    public List<ExtensionStep> Extensions { get; private set; } = [];
    public List<ReportBucket> Buckets { get; private set; } = [];
    public int Version { get; private set; }

    private SlaProfile() { }

    public static Result<SlaProfile> Create(string code, string nameZh, string nameEn, string calendarCode,
        IEnumerable<SlaPolicy> policies, IEnumerable<ExtensionStep> extensions, IEnumerable<ReportBucket> buckets,
        int warnAtPercent = 75, int escalateAfterMinutes = 240)
    {
        var profile = new SlaProfile { Code = code.Trim(), NameZh = nameZh.Trim(), NameEn = nameEn.Trim(), Version = 1 };
        var result = profile.Change(calendarCode, policies, extensions, buckets, warnAtPercent, escalateAfterMinutes);
        return result.IsSuccess ? profile : result.Error!;
    }

    /// <summary>Replaces the rules as a whole; cases already running keep their clocks until they are re-graded.</summary>
    public Result Change(string calendarCode, IEnumerable<SlaPolicy> policies, IEnumerable<ExtensionStep> extensions,
        IEnumerable<ReportBucket> buckets, int warnAtPercent, int escalateAfterMinutes)
    {
        List<SlaPolicy> list = [.. policies];
        if (list.Count == 0) return Error.Invalid("policy_required", "A profile needs at least one policy.", "policies");
        if (list.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count)
            return Error.Invalid("duplicate_policy", "Each policy needs its own key.", "policies");
        foreach (var p in list)
        {
            if (string.IsNullOrWhiteSpace(p.Key)) return Error.Invalid("policy_key_required", "Each policy needs a key.", "policies");
            if (p.Targets.Count == 0) return Error.Invalid("target_required", $"Policy {p.Key} has no targets.", "policies");
            if (p.Targets.Select(t => t.Target).Distinct().Count() != p.Targets.Count)
                return Error.Invalid("duplicate_target", $"Policy {p.Key} names a target twice.", "policies");
            if (p.Targets.Any(t => t.Limit.Amount is < 1 or > 10_000))
                return Error.Invalid("limit_out_of_range", $"Policy {p.Key}: each limit is 1 to 10,000 units.", "policies");
        }
        if (!list[^1].Match.MatchesEverything)
            return Error.Invalid("catch_all_required", "The last policy must match every case, so that no case is left without limits.", "policies");
        if (warnAtPercent is < 1 or > 99) return Error.Invalid("warn_out_of_range", "Warn at 1 to 99 % of a limit.", "warnAtPercent");
        if (escalateAfterMinutes is < 1 or > 43_200) return Error.Invalid("escalate_out_of_range", "Escalate after 1 minute to 30 days.", "escalateAfterMinutes");
        if (string.IsNullOrWhiteSpace(calendarCode)) return Error.Invalid("calendar_required", "Choose a calendar.", "calendarCode");
        CalendarCode = calendarCode;
        Policies = list;
        Extensions = [.. extensions];
        Buckets = [.. buckets];
        WarnAtPercent = warnAtPercent;
        EscalateAfterMinutes = escalateAfterMinutes;
        Version++;
        return Result.Success;
    }

    public void Activate(bool active) => IsActive = active;

    public SlaPolicy PolicyFor(int grade, CaseFlags flags, int? categoryId, Channel channel) =>
        Policies.FirstOrDefault(p => p.Match.Matches(grade, flags, categoryId, channel)) ?? Policies[^1];
}
