namespace Redress.Domain.Cases;

public enum TimelineEvent
{
    Registered,
    Acknowledged,
    Classified,
    Assigned,
    InvestigationStarted,
    FindingsRecorded,
    EvidenceAdded,
    SolutionProposed,
    SolutionApproved,
    SolutionRejected,
    ImplementationStarted,
    ConfirmationRequested,
    CustomerSatisfied,
    Reopened,
    Closed,
    ReviewScheduled,
    ReviewPassed,
    ReviewFailed,
    Withdrawn,
    Referred,
    CommunicationAdded,
    NoteAdded,
    AttachmentAdded,
    /// <summary>R-SEC-2: the customer's unmasked personal data was shown to someone who sees it masked.</summary>
    CustomerDataViewed,
    HandlingRated,
    /// <summary>The case's clocks were set again: new grade, flags or category, so a new policy or limits.</summary>
    SlaRecomputed,
    SlaWarning,
    SlaBreached,
    /// <summary>A breach still open after the escalation time: executives are told.</summary>
    SlaEscalated,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRejected,
    /// <summary>An administrator's triage rule marked "apply" set the grade or flags at registration (R-CL-3).</summary>
    TriageApplied,
    /// <summary>群体投诉: the case was linked to an incident and flagged group (ADR 0011).</summary>
    IncidentJoined,
    /// <summary>Routing (R-WF-2) set the lead department by a rule and/or a handler by the department's policy.</summary>
    Routed,
    /// <summary>This case, a duplicate, was merged into another and closed; the text is the other's number.</summary>
    MergedInto,
    /// <summary>A duplicate was merged into this case; the text is the duplicate's number.</summary>
    CaseMerged,
    /// <summary>A person decided that a suggested duplicate is not one.</summary>
    DuplicateDismissed,
}

/// <summary>
/// One line of the append-only audit trail (R-WF-8): who did what, when, and what changed.
/// Never updated or deleted; the database has no code path that does either.
/// </summary>
public sealed class TimelineEntry
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DateTime At { get; private set; }
    public TimelineEvent Event { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public CaseStatus? FromStatus { get; private set; }
    public CaseStatus? ToStatus { get; private set; }
    /// <summary>What a person wrote (a note, a reason) or a short description of the change.</summary>
    public string? Text { get; private set; }
    /// <summary>The changed fields as a JSON object, when the event changed data.</summary>
    public string? Changes { get; private set; }

    private TimelineEntry() { }

    internal TimelineEntry(TimelineEvent evt, Actor actor, DateTime at, CaseStatus? from, CaseStatus? to, string? text, string? changes)
    {
        Event = evt;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        FromStatus = from;
        ToStatus = to;
        Text = text;
        Changes = changes;
    }

    /// <summary>Adds fields to the changes of an entry not yet saved (registration records the SLA policy it chose).</summary>
    internal void AddChanges(string json)
    {
        Changes = Changes is null ? json : Changes[..^1] + "," + json[1..];
    }

    /// <summary>For entries written outside the aggregate (the scheduler's), which are not added to a loaded case.</summary>
    internal TimelineEntry For(long caseId)
    {
        CaseId = caseId;
        return this;
    }
}

/// <summary>A contact with the customer (R-WF-5): call, email, message, visit.</summary>
public sealed class Communication
{
    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DateTime At { get; private set; }
    public Direction Direction { get; private set; }
    public CommunicationMethod Method { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Content { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    private Communication() { }

    internal Communication(Actor actor, DateTime at, Direction direction, CommunicationMethod method, string summary, string? content)
    {
        ActorId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Direction = direction;
        Method = method;
        Summary = summary;
        Content = content;
    }
}
