using Redress.Domain.Sla;

namespace Redress.Domain.Cases;

// R-SLA-1/2: the clocks of a case follow what happens to it. The lifecycle methods know nothing of clocks;
// after a change, ApplyClockRules reads the entries the change appended and starts, meets, pauses, resumes
// or stops clocks accordingly, so there is one place that says when each target is met.
public sealed partial class Case
{
    /// <summary>The clocks loaded or started in this unit of work (all of them when loaded for a change).</summary>
    public List<CaseClock> Clocks { get; private set; } = [];

    /// <summary>The policy of the active profile the clocks were set by.</summary>
    public string? SlaPolicyKey { get; private set; }

    // How much of Timeline and Communications the clock rules have seen in this unit of work.
    private int _clockedEntries, _clockedCommunications;

    public CaseClock? ActiveClock(SlaTarget target) => Clocks.FirstOrDefault(c => c.Target == target && c.IsActive);

    public void ApplyClockRules(Actor actor, DateTime now, SlaRules rules)
    {
        var context = rules.ContextFor(LeadDepartmentId);
        var entries = Timeline.Skip(_clockedEntries).ToList();
        var outbound = Communications.Skip(_clockedCommunications).Any(c => c.Direction == Direction.Outbound);
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case TimelineEvent.Registered:
                    StartClocks(rules, context, now, entry);
                    break;
                case TimelineEvent.Classified:
                    Reclock(actor, now, rules, context, entry.Text);
                    break;
                case TimelineEvent.Acknowledged:
                    Meet(SlaTarget.Acknowledgement, now, context);
                    break;
                case TimelineEvent.InvestigationStarted:
                    Meet(SlaTarget.HandlingStart, now, context);
                    break;
                case TimelineEvent.SolutionProposed:
                    Meet(SlaTarget.InitialPlan, now, context);
                    break;
            }
        }
        // 上报主管: a lead or an executive has the case in hand.
        if (actor.IsInAny([Role.Lead, Role.Executive])) Meet(SlaTarget.SupervisorReport, now, context);
        if (outbound)
        {
            Meet(SlaTarget.FirstContact, now, context);
            RestartCustomerUpdate(now, rules, context);
        }
        FollowStatus(now, rules, context);
        // The case's due date is its resolution's (queues sort and filter on it); a met clock keeps its last.
        if (Clocks.Where(c => c.Target == SlaTarget.Resolution).OrderBy(c => c.IsActive).ThenBy(c => c.StartedAt).LastOrDefault() is { } resolution)
            DueAt = resolution.DueAt;
        (_clockedEntries, _clockedCommunications) = (Timeline.Count, Communications.Count);
    }

    /// <summary>
    /// The time the customer was promised an answer (R-IN-4): the policy's initial plan, else its first update,
    /// else the resolution. (First contact and acknowledgement come sooner, but they are not the answer.)
    /// </summary>
    public DateTime PromisedReplyAt =>
        Clocks.Where(c => c.Target is SlaTarget.InitialPlan or SlaTarget.CustomerUpdate).OrderBy(c => c.StartedAt).FirstOrDefault()?.DueAt ?? DueAt;

    private void StartClocks(SlaRules rules, ClockContext context, DateTime now, TimelineEntry registered)
    {
        var policy = rules.Profile.PolicyFor(Grade, Flags, CategoryId, Channel);
        SlaPolicyKey = policy.Key;
        foreach (var t in policy.Targets) Clocks.Add(CaseClock.Start(t.Target, policy.Key, t.Limit, now, context));
        registered.AddChanges(Serialize(new { sla = new { profile = rules.Profile.Code, policy = policy.Key } }));
    }

    private void Reclock(Actor actor, DateTime now, SlaRules rules, ClockContext context, string? reason)
    {
        var policy = rules.Profile.PolicyFor(Grade, Flags, CategoryId, Channel);
        var due = DueAt;
        var previous = SlaPolicyKey;
        SlaPolicyKey = policy.Key;
        foreach (var t in policy.Targets)
        {
            if (ActiveClock(t.Target) is { } clock) clock.ChangeLimit(policy.Key, t.Limit, context);
            // A target met under the old policy stays met; a new one starts now.
            else if (!Clocks.Any(c => c.Target == t.Target && c.MetAt is not null) && IsOpen)
                Clocks.Add(CaseClock.Start(t.Target, policy.Key, t.Limit, now, context));
        }
        foreach (var dropped in Clocks.Where(c => c.IsActive && policy.Targets.All(t => t.Target != c.Target))) dropped.Stop(now);
        var newDue = ActiveClock(SlaTarget.Resolution)?.DueAt ?? DueAt;
        Timeline.Add(new TimelineEntry(TimelineEvent.SlaRecomputed, actor, now, Status, null, reason,
            Serialize(new { policy = new { from = previous, to = policy.Key }, dueAt = new { from = due, to = newDue } })));
    }

    /// <summary>A paused clock resumes first, so the time the case waited on the customer does not count against it.</summary>
    private void Meet(SlaTarget target, DateTime now, ClockContext context)
    {
        if (ActiveClock(target) is not { } clock) return;
        clock.Resume(now, context);
        clock.Meet(now);
    }

    private void RestartCustomerUpdate(DateTime now, SlaRules rules, ClockContext context)
    {
        var current = ActiveClock(SlaTarget.CustomerUpdate);
        if (current is null || !IsOpen) return;
        current.Meet(now);
        var limit = rules.Profile.Policies.FirstOrDefault(p => p.Key == current.PolicyKey)?.Targets
            .FirstOrDefault(t => t.Target == SlaTarget.CustomerUpdate)?.Limit ?? current.Limit;
        Clocks.Add(CaseClock.Start(SlaTarget.CustomerUpdate, current.PolicyKey, limit, now, context));
    }

    /// <summary>Clocks pause while the case waits on the customer and end with the case.</summary>
    private void FollowStatus(DateTime now, SlaRules rules, ClockContext context)
    {
        switch (Status)
        {
            case CaseStatus.Closed:
                Meet(SlaTarget.Resolution, now, context);
                foreach (var clock in Clocks.Where(c => c.IsActive)) clock.Stop(now);
                break;
            case CaseStatus.Withdrawn or CaseStatus.Referred or CaseStatus.Merged:
                foreach (var clock in Clocks.Where(c => c.IsActive)) clock.Stop(now);
                break;
            case CaseStatus.AwaitingConfirmation:
                foreach (var clock in Clocks.Where(c => c.IsRunning)) clock.Pause(now);
                break;
            default:
                foreach (var clock in Clocks.Where(c => c.PausedAt is not null)) clock.Resume(now, context);
                // Reopened after closing (the customer or the review said no): resolving it again has a limit too.
                if (Status == CaseStatus.Reopened && ActiveClock(SlaTarget.Resolution) is null && SlaPolicyKey is { } key
                    && rules.Profile.Policies.FirstOrDefault(p => p.Key == key) is { } policy)
                {
                    foreach (var t in policy.Targets.Where(t => t.Target is SlaTarget.Resolution or SlaTarget.CustomerUpdate))
                        if (ActiveClock(t.Target) is null) Clocks.Add(CaseClock.Start(t.Target, key, t.Limit, now, context));
                }
                break;
        }
    }

    /// <summary>The scheduler's step on one clock, recorded on the timeline without a new version (nobody's edit goes stale).</summary>
    public static TimelineEntry ClockStepEntry(long caseId, CaseStatus status, CaseClock clock, ClockStep step, DateTime now)
    {
        var evt = step switch
        {
            ClockStep.Warn => TimelineEvent.SlaWarning,
            ClockStep.Breach => TimelineEvent.SlaBreached,
            _ => TimelineEvent.SlaEscalated,
        };
        return new TimelineEntry(evt, Actor.System, now, status, null, clock.Target.ToString(),
            Serialize(new { target = clock.Target.ToString(), dueAt = clock.DueAt })).For(caseId);
    }

    private static string Serialize(object changes) => System.Text.Json.JsonSerializer.Serialize(changes, JsonOptions);
}
