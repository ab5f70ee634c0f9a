using Redress.Domain.Sla;

namespace Redress.Domain.Cases;

/// <summary>延期申请: a request for one more step of time for the resolution, waiting for its approver.</summary>
public sealed class ExtensionRequest
{
    public int Step { get; set; }
    public string Reason { get; set; } = "";
    public string RequestedById { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public Role Approver { get; set; }
}

// R-SLA-5: extensions of the resolution limit, step by step as the active profile allows, each approved by the
// role the step names, the customer told when the step says so.
public sealed partial class Case
{
    public ExtensionRequest? PendingExtension { get; private set; }

    public Result RequestExtension(Actor actor, DateTime now, string reason, SlaProfile profile)
    {
        if (Lifecycle.Check(CaseAction.RequestExtension, Status, actor) is { } error) return error;
        if (PendingExtension is not null)
            return Error.Conflict("extension_pending", "An extension is already waiting for approval.");
        if (ActiveClock(SlaTarget.Resolution) is not { } resolution)
            return Error.Conflict("no_resolution_clock", "This case has no running resolution time limit to extend.");
        if (resolution.Extensions >= profile.Extensions.Count)
        {
            return Error.Conflict("no_extension_left", profile.Extensions.Count == 0
                ? $"The time limits of {profile.NameEn} allow no extension."
                : $"The time limits of {profile.NameEn} allow {profile.Extensions.Count} extension(s), and all are used.");
        }
        var step = profile.Extensions[resolution.Extensions];
        PendingExtension = new ExtensionRequest
        {
            Step = resolution.Extensions + 1, Reason = reason, RequestedById = actor.UserId, RequestedBy = actor.Name,
            RequestedAt = now, Approver = step.Approver,
        };
        Record(TimelineEvent.ExtensionRequested, actor, now, text: reason,
            changes: new { step = PendingExtension.Step, extendBy = step.ExtendBy.ToString(), approver = step.Approver.ToString() });
        return Result.Success;
    }

    public Result ApproveExtension(Actor actor, DateTime now, string? note, SlaRules rules)
    {
        if (CheckExtensionDecision(CaseAction.ApproveExtension, actor) is { } error) return error;
        var pending = PendingExtension!;
        if (rules.Profile.Extensions.ElementAtOrDefault(pending.Step - 1) is not { } step || ActiveClock(SlaTarget.Resolution) is not { } resolution)
            return Error.Conflict("extension_no_longer_possible", "The time limits changed since the request; ask again.");
        var due = resolution.DueAt;
        resolution.Extend(step.ExtendBy, rules.ContextFor(LeadDepartmentId));
        DueAt = resolution.DueAt;
        PendingExtension = null;
        Record(TimelineEvent.ExtensionApproved, actor, now, text: note,
            changes: new { step = pending.Step, dueAt = new { from = due, to = resolution.DueAt }, noticeToCustomer = step.NoticeToCustomer });
        if (step.NoticeToCustomer) NoticeOfExtension(actor, now, resolution.DueAt, rules.CalendarFor(LeadDepartmentId).TimeZoneId);
        return Result.Success;
    }

    public Result RejectExtension(Actor actor, DateTime now, string reason)
    {
        if (CheckExtensionDecision(CaseAction.RejectExtension, actor) is { } error) return error;
        var step = PendingExtension!.Step;
        PendingExtension = null;
        Record(TimelineEvent.ExtensionRejected, actor, now, text: reason, changes: new { step });
        return Result.Success;
    }

    /// <summary>
    /// 告知客户: the notice goes on the contact log (by mail when the customer gave an address, which the outbox
    /// sends; otherwise the handler passes it on). Written in both languages: the case does not know the customer's.
    /// </summary>
    private void NoticeOfExtension(Actor actor, DateTime now, DateTime due, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(due, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var when = local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var content = $"您的投诉 {Number} 情况较为复杂，我们需要更多时间妥善处理，处理时限延长至 {when}（{timeZoneId}）。感谢您的耐心与理解。\n"
            + $"Your complaint {Number} needs more time to be handled properly: we will resolve it by {when} ({timeZoneId}). Thank you for your patience.";
        var method = string.IsNullOrWhiteSpace(Customer.Email) ? CommunicationMethod.Letter : CommunicationMethod.Email;
        Communications.Add(new Communication(actor, now, Direction.Outbound, method, "延期通知 / Notice of extension", content));
        Record(TimelineEvent.CommunicationAdded, actor, now, text: "延期通知 / Notice of extension", changes: new { direction = Direction.Outbound, method });
    }

    /// <summary>The step's approver decides (an executive may decide a lead's step); never the one who asked.</summary>
    private Error? CheckExtensionDecision(CaseAction action, Actor actor)
    {
        if (Lifecycle.Check(action, Status, actor) is { } error) return error;
        if (PendingExtension is not { } pending) return Error.Conflict("no_extension_pending", "No extension is waiting for approval.");
        if (!actor.Is(pending.Approver) && !(pending.Approver == Role.Lead && actor.Is(Role.Executive)))
            return Error.Forbidden("approver_required", $"Extension step {pending.Step} needs the approval of a {pending.Approver}.");
        if (actor.UserId == pending.RequestedById)
            return Error.Forbidden("own_request", "Someone other than the person who asked must decide on an extension.");
        return null;
    }
}
