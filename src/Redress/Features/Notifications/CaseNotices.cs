using Redress.Domain.Cases;

namespace Redress.Features.Notifications;

/// <summary>Who must hear of what a change to a case did: the events people act on (R-SLA-4).</summary>
public static class CaseNotices
{
    public static List<Notice> For(Case kase, IEnumerable<TimelineEntry> entries)
    {
        var notices = new List<Notice>();
        Notice Of(NotificationEvent e, Audience to, string? userId = null) =>
            new(e, to, kase.Id, kase.Number, kase.Subject, kase.LeadDepartmentId, kase.AssigneeId, UserId: userId);
        foreach (var entry in entries)
        {
            switch (entry.Event)
            {
                case TimelineEvent.Assigned when kase.AssigneeId is { } handler && handler != entry.ActorId:
                    notices.Add(Of(NotificationEvent.CaseAssigned, Audience.User, handler));
                    break;
                case TimelineEvent.SolutionProposed when kase.RequiresApproval:
                    notices.Add(Of(NotificationEvent.ApprovalRequested, Audience.Executives));
                    break;
                case TimelineEvent.ExtensionRequested when kase.PendingExtension is { } pending:
                    notices.Add(Of(NotificationEvent.ExtensionRequested, pending.Approver == Role.Executive ? Audience.Executives : Audience.Leads));
                    break;
            }
        }
        return notices;
    }

    /// <summary>Contact-log entries of this change that Redress itself mails to the customer (the notice of an extension).</summary>
    public static IEnumerable<Communication> MailedToCustomer(Case kase, IEnumerable<TimelineEntry> entries, IEnumerable<Communication> added) =>
        entries.Any(e => e.Event == TimelineEvent.ExtensionApproved) && !string.IsNullOrWhiteSpace(kase.Customer.Email)
            ? added.Where(c => c.Direction == Direction.Outbound && c.Method == CommunicationMethod.Email)
            : [];
}
