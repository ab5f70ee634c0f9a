using Redress.Domain.Cases;

namespace Redress.Domain.Incidents;

/// <summary>
/// The emergency process of seed 003 ch.7 (应急预案): 响应 while open, 控制 once contained, 恢复 when resolved with
/// its 事后总结 (what happened, the cause, what changes), closed when the follow-up is done. A resolved incident
/// can be reopened when the trouble comes back; a closed one is final, and new complaints open a new incident.
/// </summary>
public enum IncidentStatus
{
    Open,
    Contained,
    Resolved,
    Closed,
}

public enum IncidentEvent
{
    Opened,
    OwnerAssigned,
    Contained,
    Resolved,
    Reopened,
    Closed,
    Note,
    CustomersMessaged,
}

/// <summary>
/// 群体投诉事件: at least N distinct customers on one product or batch within T hours (ADR 0011). Opened by
/// registration, then run by leads, quality and executives: an owner, status updates, one message to every
/// affected customer. Every change bumps <see cref="Version"/> (the API's ETag) except notes, which only add.
/// </summary>
public sealed class Incident
{
    /// <summary>Who may run an incident: the people ch.7's emergency group is made of.</summary>
    public static readonly IReadOnlyList<Role> Managers = [Role.Lead, Role.QualityManager, Role.Executive];

    public long Id { get; private set; }
    public string GroupKey { get; private set; } = "";
    public GroupKeyKind KeyKind { get; private set; }
    public string Label { get; private set; } = "";
    public IncidentStatus Status { get; private set; }
    public int Version { get; private set; }
    public string? OwnerId { get; private set; }
    public string? OwnerName { get; private set; }
    /// <summary>事后总结: required to resolve.</summary>
    public string? Summary { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public DateTime? ContainedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    /// <summary>Null while the incident runs: the unique index on the key covers only those rows.</summary>
    public DateTime? ClosedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>What this unit of work appended; read the whole history with a query.</summary>
    public List<IncidentUpdate> Updates { get; private set; } = [];

    private Incident() { }

    /// <summary>
    /// A new incident, as <see cref="Features.Incidents.OpenIncident"/> writes its row (by INSERT … ON CONFLICT, so
    /// that concurrent openings of one key leave one): open, version 1, no owner.
    /// </summary>
    public static Incident Open(GroupKey key, DateTime now) =>
        new() { GroupKey = key.Value, KeyKind = key.Kind, Label = key.Label, Status = IncidentStatus.Open, Version = 1, OpenedAt = now, UpdatedAt = now };

    public Result AssignOwner(Actor actor, DateTime now, string ownerId, string ownerName)
    {
        if (CheckManager(actor) is { } error) return error;
        if (Status == IncidentStatus.Closed) return Closed();
        if (ownerId == OwnerId) return Result.Success;
        (OwnerId, OwnerName) = (ownerId, ownerName);
        Record(IncidentEvent.OwnerAssigned, actor, now, null, ownerName);
        return Result.Success;
    }

    /// <summary>控制: the cause is held (the batch pulled from sale, the fault worked around).</summary>
    public Result Contain(Actor actor, DateTime now, string? note)
    {
        if (CheckManager(actor) is { } error) return error;
        if (Status != IncidentStatus.Open) return Illegal(IncidentEvent.Contained, "Open");
        ContainedAt = now;
        Record(IncidentEvent.Contained, actor, now, IncidentStatus.Contained, note);
        return Result.Success;
    }

    /// <summary>恢复: resolved, with the 事后总结 the process asks for.</summary>
    public Result Resolve(Actor actor, DateTime now, string summary)
    {
        if (CheckManager(actor) is { } error) return error;
        if (Status is not (IncidentStatus.Open or IncidentStatus.Contained)) return Illegal(IncidentEvent.Resolved, "Open or Contained");
        if (string.IsNullOrWhiteSpace(summary)) return Error.Invalid("summary_required", "Resolving an incident needs its summary: what happened, the cause, what changes.", "summary");
        (Summary, ResolvedAt) = (summary.Trim(), now);
        Record(IncidentEvent.Resolved, actor, now, IncidentStatus.Resolved, Summary);
        return Result.Success;
    }

    public Result Reopen(Actor actor, DateTime now, string reason)
    {
        if (CheckManager(actor) is { } error) return error;
        if (Status != IncidentStatus.Resolved) return Illegal(IncidentEvent.Reopened, "Resolved");
        ResolvedAt = null;
        Record(IncidentEvent.Reopened, actor, now, IncidentStatus.Open, reason);
        return Result.Success;
    }

    public Result Close(Actor actor, DateTime now, string? note)
    {
        if (CheckManager(actor) is { } error) return error;
        if (Status != IncidentStatus.Resolved) return Illegal(IncidentEvent.Closed, "Resolved");
        ClosedAt = now;
        Record(IncidentEvent.Closed, actor, now, IncidentStatus.Closed, note);
        return Result.Success;
    }

    /// <summary>A status update (进展): append-only, so it keeps the version and needs no If-Match.</summary>
    public Result AddNote(Actor actor, DateTime now, string text)
    {
        if (CheckManager(actor) is { } error) return error;
        Updates.Add(new IncidentUpdate(Id, IncidentEvent.Note, actor, now, Status, null, text.Trim()));
        return Result.Success;
    }

    /// <summary>The one message to every affected customer was sent; the cases' contact logs hold each copy.</summary>
    public Result RecordMessage(Actor actor, DateTime now, string summary, int recipients)
    {
        if (CheckManager(actor) is { } error) return error;
        if (Status == IncidentStatus.Closed) return Closed();
        Record(IncidentEvent.CustomersMessaged, actor, now, null, $"{summary} ({recipients})");
        return Result.Success;
    }

    public static Error? CheckManager(Actor actor) => actor.IsInAny(Managers) ? null
        : Error.Forbidden("role_not_allowed", $"Running an incident needs one of the roles {string.Join(", ", Managers)}.");

    private void Record(IncidentEvent evt, Actor actor, DateTime now, IncidentStatus? to, string? text)
    {
        var from = Status;
        if (to is { } next) Status = next;
        Version++;
        UpdatedAt = now;
        Updates.Add(new IncidentUpdate(Id, evt, actor, now, from, to, text));
    }

    private Error Illegal(IncidentEvent evt, string from) =>
        Error.Conflict("illegal_transition", $"{evt} is not possible while the incident is {Status}; it needs {from}.");

    private static Error Closed() => Error.Conflict("incident_closed", "The incident is closed.");
}

/// <summary>One line of an incident's history: who, when, what, from and to which status.</summary>
public sealed class IncidentUpdate
{
    public long Id { get; private set; }
    public long IncidentId { get; private set; }
    public DateTime At { get; private set; }
    public IncidentEvent Event { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public IncidentStatus? FromStatus { get; private set; }
    public IncidentStatus? ToStatus { get; private set; }
    public string? Text { get; private set; }

    private IncidentUpdate() { }

    public IncidentUpdate(long incidentId, IncidentEvent evt, Actor actor, DateTime at, IncidentStatus? from, IncidentStatus? to, string? text)
    {
        (IncidentId, Event, ActorId, ActorName, At, FromStatus, ToStatus, Text) = (incidentId, evt, actor.UserId, actor.Name, at, from, to, text);
    }
}

/// <summary>A case linked to an incident; a case belongs to at most one.</summary>
public sealed class IncidentCase
{
    public long IncidentId { get; set; }
    public long CaseId { get; set; }
    public string CustomerKey { get; set; } = "";
    public DateTime JoinedAt { get; set; }
}

/// <summary>A case's group key, with who filed it and when: the index the threshold is counted on.</summary>
public sealed class CaseGroupKey
{
    public string Key { get; set; } = "";
    public long CaseId { get; set; }
    public string CustomerKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
