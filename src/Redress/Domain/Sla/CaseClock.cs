namespace Redress.Domain.Sla;

/// <summary>What the scheduler does when a clock's <see cref="CaseClock.NextCheckAt"/> comes.</summary>
public enum ClockStep
{
    Warn,
    Breach,
    /// <summary>The breach was escalated to the lead some time ago and is still open: on to the executives.</summary>
    Escalate,
}

/// <summary>
/// One running time limit of a case (R-SLA-1). A clock is met, paused while the case waits on the customer,
/// resumed, or stopped when the case ends. <see cref="NextCheckAt"/> is the next moment the scheduler has work
/// on it (warn, breach, escalate), and null when it has none, so a scheduler pass reads only due clocks.
/// </summary>
public sealed class CaseClock
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public SlaTarget Target { get; private set; }
    public string PolicyKey { get; private set; } = "";
    public TimeLimit Limit { get; private set; } = new(1, SlaUnit.CalendarHours);
    public DateTime StartedAt { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime WarnAt { get; private set; }
    public DateTime EscalateAt { get; private set; }
    public DateTime? PausedAt { get; private set; }
    public DateTime? MetAt { get; private set; }
    /// <summary>The case ended (closed, withdrawn, referred) or its policy dropped this target.</summary>
    public DateTime? StoppedAt { get; private set; }
    public DateTime? WarnedAt { get; private set; }
    public DateTime? BreachedAt { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    /// <summary>Extension steps granted so far (resolution clocks only).</summary>
    public int Extensions { get; private set; }
    public DateTime? NextCheckAt { get; private set; }

    private CaseClock() { }

    internal static CaseClock Start(SlaTarget target, string policyKey, TimeLimit limit, DateTime now, ClockContext context)
    {
        var clock = new CaseClock { Target = target, PolicyKey = policyKey, Limit = limit, StartedAt = now };
        clock.SetDue(limit.DueFrom(now, context.Calendar), context);
        return clock;
    }

    public bool IsRunning => MetAt is null && StoppedAt is null && PausedAt is null;
    public bool IsActive => MetAt is null && StoppedAt is null;

    /// <summary>Time left (negative once breached) as of <paramref name="now"/>; a paused clock shows what it had left.</summary>
    public TimeSpan Left(DateTime now) => DueAt - (PausedAt ?? now);

    /// <summary>Whether the target was met in time; null while it runs.</summary>
    public bool? MetInTime => MetAt is { } met ? met <= DueAt : BreachedAt is not null ? false : null;

    public ClockStep? PendingStep => !IsRunning ? null
        : WarnedAt is null && BreachedAt is null && WarnAt < DueAt ? ClockStep.Warn
        : BreachedAt is null ? ClockStep.Breach
        : EscalatedAt is null ? ClockStep.Escalate
        : null;

    internal void Meet(DateTime now)
    {
        MetAt = now;
        NextCheckAt = null;
    }

    internal void Stop(DateTime now)
    {
        StoppedAt = now;
        NextCheckAt = null;
    }

    internal void Pause(DateTime now)
    {
        if (!IsRunning) return;
        PausedAt = now;
        NextCheckAt = null;
    }

    /// <summary>The customer answered: the limit continues with the time it had left when it paused.</summary>
    internal void Resume(DateTime now, ClockContext context)
    {
        if (PausedAt is not { } pausedAt || !IsActive) return;
        PausedAt = null;
        // A clock already past its limit stays past it (breached or not yet seen by the scheduler); only its
        // escalation to executives waits on the customer as well.
        if (BreachedAt is not null || pausedAt >= DueAt)
        {
            if (EscalatedAt is null) EscalateAt += now - pausedAt;
            Schedule();
            return;
        }
        SetDue(context.Calendar.ResumedDue(DueAt, pausedAt, now, Limit.Basis), context, keepWarning: true);
    }

    /// <summary>The case was re-graded or its policy changed: the same start, a new limit.</summary>
    internal void ChangeLimit(string policyKey, TimeLimit limit, ClockContext context)
    {
        PolicyKey = policyKey;
        Limit = limit;
        if (!IsActive || BreachedAt is not null) return;
        SetDue(limit.DueFrom(StartedAt, context.Calendar), context);
        if (PausedAt is not null) NextCheckAt = null;
    }

    /// <summary>延期: the resolution's limit grows by one approved step.</summary>
    internal void Extend(TimeLimit by, ClockContext context)
    {
        Extensions++;
        var due = by.DueFrom(DueAt, context.Calendar);
        (BreachedAt, EscalatedAt) = (null, null);
        SetDue(due, context, keepWarning: false);
        if (PausedAt is not null) NextCheckAt = null;
    }

    /// <summary>
    /// The scheduler's step, if it is still due at <paramref name="now"/>. Returns what happened, so the caller
    /// records and notifies exactly once per step.
    /// </summary>
    public ClockStep? Advance(DateTime now)
    {
        if (NextCheckAt is not { } next || next > now || PendingStep is not { } step) return null;
        // Catching up after downtime: a warning whose deadline has passed is not worth sending.
        if (step == ClockStep.Warn && now >= DueAt) step = ClockStep.Breach;
        switch (step)
        {
            case ClockStep.Warn:
                WarnedAt = now;
                break;
            case ClockStep.Breach:
                BreachedAt = now;
                break;
            case ClockStep.Escalate:
                EscalatedAt = now;
                break;
        }
        Schedule();
        return step;
    }

    private void SetDue(DateTime due, ClockContext context, bool keepWarning = false)
    {
        DueAt = due;
        var span = due - StartedAt;
        WarnAt = StartedAt + span * (context.WarnAtPercent / 100.0);
        EscalateAt = due.AddMinutes(context.EscalateAfterMinutes);
        if (!keepWarning) WarnedAt = null;
        Schedule();
    }

    private void Schedule() => NextCheckAt = PendingStep switch
    {
        ClockStep.Warn => WarnAt,
        ClockStep.Breach => DueAt,
        ClockStep.Escalate => EscalateAt,
        _ => null,
    };
}

/// <summary>What a clock needs to compute its times: the calendar of the case's department and the profile's shares.</summary>
public sealed record ClockContext(BusinessCalendar Calendar, int WarnAtPercent, int EscalateAfterMinutes);
