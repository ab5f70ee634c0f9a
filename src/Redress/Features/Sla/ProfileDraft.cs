using Redress.Domain.Cases;
using Redress.Domain.Sla;

namespace Redress.Features.Sla;

/// <summary>
/// A profile's rules while an administrator edits them on /admin/sla: policies can be added, removed, moved and
/// their match criteria and targets changed. Turned into the API's own <see cref="SlaRulesInput"/> to be checked
/// and saved, so the page and the API share every rule. Extension steps and report buckets go back as they were read.
/// </summary>
public sealed class ProfileDraft
{
    private readonly SlaRulesInput _read;
    private int _added;

    private ProfileDraft(SlaProfileItem profile)
    {
        _read = ManageSlaProfiles.RulesOf(profile);
        (CalendarCode, WarnAtPercent, EscalateAfterMinutes) = (profile.CalendarCode, profile.WarnAtPercent, profile.EscalateAfterMinutes);
        Policies = [.. _read.Policies.Select(p => PolicyDraft.From(p, p.Key))];
    }

    public static ProfileDraft From(SlaProfileItem profile) => new(profile);

    public string? CalendarCode { get; set; }
    public int WarnAtPercent { get; set; }
    public int EscalateAfterMinutes { get; set; }
    /// <summary>First match wins; the last must match every case.</summary>
    public List<PolicyDraft> Policies { get; }

    /// <summary>A new policy just above the catch-all, so it is reached before it: grade 1 and a resolution target to start from.</summary>
    public PolicyDraft Add()
    {
        var n = ++_added;
        var policy = new PolicyDraft($"new-{n}", $"policy-{n}", "新策略", "New policy")
        {
            Targets = { new TargetDraft(SlaTarget.Resolution, 5, SlaUnit.WorkingDays) },
        };
        policy.Grades.Add(1);
        Policies.Insert(Math.Max(Policies.Count - 1, 0), policy);
        return policy;
    }

    public void Remove(PolicyDraft policy) => Policies.Remove(policy);

    /// <summary>Moves the policy up (-1) or down (+1) the order; at either end it stays where it is.</summary>
    public void Move(PolicyDraft policy, int by)
    {
        var from = Policies.IndexOf(policy);
        var to = from + by;
        if (from < 0 || to < 0 || to >= Policies.Count) return;
        Policies.RemoveAt(from);
        Policies.Insert(to, policy);
    }

    public SlaRulesInput ToRules() => _read with
    {
        CalendarCode = CalendarCode ?? "",
        WarnAtPercent = WarnAtPercent,
        EscalateAfterMinutes = EscalateAfterMinutes,
        Policies = [.. Policies.Select(p => p.ToInput())],
    };
}

/// <param name="slot">Names the policy's inputs on the page for the whole edit, whatever its key becomes.</param>
public sealed class PolicyDraft(string slot, string key, string nameZh, string nameEn)
{
    public string Slot { get; } = slot;
    public string Key { get; set; } = key;
    public string NameZh { get; set; } = nameZh;
    public string NameEn { get; set; } = nameEn;
    public HashSet<int> Grades { get; private set; } = [];
    public CaseFlags AnyFlags { get; set; }
    public IReadOnlyCollection<int> CategoryIds { get; set; } = [];
    public HashSet<Channel> Channels { get; private set; } = [];
    public List<TargetDraft> Targets { get; private set; } = [];
    /// <summary>What the request's rules said of this policy at the last save, by field.</summary>
    public Dictionary<string, string> Errors { get; set; } = [];

    /// <summary>Narrows nothing: what the last policy must be.</summary>
    public bool MatchesEverything => new PolicyMatch([.. Grades], AnyFlags, [.. CategoryIds], [.. Channels]).MatchesEverything;

    public static PolicyDraft From(PolicyInput p, string slot) => new(slot, p.Key, p.NameZh, p.NameEn)
    {
        Grades = [.. p.Match?.Grades ?? []],
        AnyFlags = p.Match?.AnyFlags ?? CaseFlags.None,
        CategoryIds = [.. p.Match?.CategoryIds ?? []],
        Channels = [.. p.Match?.Channels ?? []],
        Targets = [.. p.Targets.Select(t => new TargetDraft(t.Target, t.Limit.Amount, t.Limit.Unit))],
    };

    public void SetFlag(CaseFlags flag, bool on) => AnyFlags = on ? AnyFlags | flag : AnyFlags & ~flag;

    /// <summary>The targets the policy does not set yet, which can be added.</summary>
    public IEnumerable<SlaTarget> MissingTargets => Enum.GetValues<SlaTarget>().Where(t => Targets.All(x => x.Target != t));

    public void AddTarget(SlaTarget target)
    {
        if (Targets.Any(t => t.Target == target)) return;
        Targets.Add(new TargetDraft(target, 1, SlaUnit.CalendarDays));
        Targets.Sort((a, b) => a.Target.CompareTo(b.Target));
    }

    public PolicyInput ToInput() => new(Key.Trim(), NameZh.Trim(), NameEn.Trim(),
        new PolicyMatchInput([.. Grades.Order()], AnyFlags, [.. CategoryIds.Distinct().Order()], [.. Channels.Order()]),
        [.. Targets.Select(t => new TargetInput(t.Target, new LimitInput(t.Amount, t.Unit)))]);
}

public sealed class TargetDraft(SlaTarget target, int amount, SlaUnit unit)
{
    public SlaTarget Target { get; } = target;
    public int Amount { get; set; } = amount;
    public SlaUnit Unit { get; set; } = unit;
}
