using System.Text.Json;

namespace Redress.Domain.Cases;

// 群体投诉 (ADR 0011): registration links a case to its incident; the incident's owner writes to every customer.
public sealed partial class Case
{
    /// <summary>The new case joined an incident (or opened it): flagged group, on the timeline by the system.</summary>
    public void JoinIncident(long incidentId, string label, DateTime now)
    {
        Flags |= CaseFlags.Group;
        Record(TimelineEvent.IncidentJoined, Actor.System, now, text: label, changes: new { incidentId });
    }

    /// <summary>
    /// The same entry for an earlier case linked when the incident opened, which is not loaded: its flag and version
    /// are set by one UPDATE beside this.
    /// </summary>
    public static TimelineEntry IncidentJoinedEntry(long caseId, CaseStatus status, long incidentId, string label, DateTime now) =>
        new TimelineEntry(TimelineEvent.IncidentJoined, Actor.System, now, status, null, label,
            JsonSerializer.Serialize(new { incidentId }, JsonOptions)).For(caseId);

    /// <summary>
    /// The incident's message to this customer, on the contact log: by mail when the customer gave an address (the
    /// outbox sends it), on the portal when they filed there, else as a letter the handler sends. The incident's
    /// roles decide who may send it (<see cref="Incidents.Incident.Managers"/>), not the case's lifecycle.
    /// </summary>
    public Communication MessageFromIncident(Actor actor, DateTime now, long incidentId, string summary, string content)
    {
        var method = !string.IsNullOrWhiteSpace(Customer.Email) ? CommunicationMethod.Email
            : PortalTokenHash is not null ? CommunicationMethod.Portal
            : CommunicationMethod.Letter;
        var communication = new Communication(actor, now, Direction.Outbound, method, summary, content);
        Communications.Add(communication);
        Record(TimelineEvent.CommunicationAdded, actor, now, text: summary, changes: new { direction = Direction.Outbound, method, incidentId });
        return communication;
    }
}
