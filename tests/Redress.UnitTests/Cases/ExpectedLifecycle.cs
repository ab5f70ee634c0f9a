using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>
/// R-WF-1 written out again, independently of <see cref="Lifecycle"/>, so that a change to the production
/// table shows up as failing tests instead of silently changing what the tests expect.
/// </summary>
public static class ExpectedLifecycle
{
    private static readonly CaseStatus[] Any = Enum.GetValues<CaseStatus>();
    private static readonly CaseStatus[] Open =
    [
        CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating,
        CaseStatus.SolutionProposed, CaseStatus.Approved, CaseStatus.Implementing, CaseStatus.AwaitingConfirmation,
        CaseStatus.Reopened,
    ];
    private static readonly Role[] Desk = [Role.Agent, Role.Handler, Role.Lead];
    private static readonly Role[] Handling = [Role.Handler, Role.Lead];
    private static readonly Role[] DeskAndCustomer = [Role.Agent, Role.Handler, Role.Lead, Role.Customer];

    public static readonly IReadOnlyDictionary<CaseAction, (CaseStatus[] From, Role[] Roles)> Table =
        new Dictionary<CaseAction, (CaseStatus[], Role[])>
        {
            [CaseAction.Acknowledge] = ([CaseStatus.Received], Desk),
            [CaseAction.Classify] = (Open, [Role.Agent, Role.Handler, Role.Lead, Role.QualityManager]),
            [CaseAction.Assign] = ([CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating, CaseStatus.Reopened], [Role.Agent, Role.Lead]),
            [CaseAction.StartInvestigation] = ([CaseStatus.Assigned, CaseStatus.Reopened], Handling),
            [CaseAction.RecordFindings] = ([CaseStatus.Investigating, CaseStatus.Reopened], Handling),
            [CaseAction.AddEvidence] = (Open, Desk),
            [CaseAction.ProposeSolution] = ([CaseStatus.Investigating, CaseStatus.Reopened], Handling),
            [CaseAction.Approve] = ([CaseStatus.SolutionProposed], [Role.Executive]),
            [CaseAction.Reject] = ([CaseStatus.SolutionProposed], [Role.Executive]),
            [CaseAction.Implement] = ([CaseStatus.SolutionProposed, CaseStatus.Approved], Handling),
            [CaseAction.RequestConfirmation] = ([CaseStatus.Implementing], Desk),
            [CaseAction.RecordConfirmation] = ([CaseStatus.AwaitingConfirmation], DeskAndCustomer),
            [CaseAction.RecordReview] = ([CaseStatus.Closed], [Role.QualityManager, Role.Lead]),
            [CaseAction.RateHandling] = ([CaseStatus.Closed], [Role.Agent, Role.QualityManager, Role.Customer]),
            [CaseAction.Withdraw] = (Open, Desk),
            [CaseAction.Refer] = ([CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating], [Role.Agent, Role.Lead]),
            [CaseAction.AddCommunication] = (Any, DeskAndCustomer),
            [CaseAction.AddNote] = (Any, [Role.Agent, Role.Handler, Role.Lead, Role.QualityManager, Role.Executive]),
            [CaseAction.AddAttachment] = (Any, DeskAndCustomer),
            [CaseAction.RequestExtension] = (Open, Handling),
            [CaseAction.ApproveExtension] = (Open, [Role.Lead, Role.Executive]),
            [CaseAction.RejectExtension] = (Open, [Role.Lead, Role.Executive]),
        };

    public static bool Allows(CaseAction action, Role role) => Table[action].Roles.Contains(role);

    public static bool Allows(CaseAction action, CaseStatus status) => Table[action].From.Contains(status);

    /// <summary>
    /// The grade that satisfies the action's data rules from this status: plans are implemented straight
    /// from <see cref="CaseStatus.SolutionProposed"/> only at grade 3-4; everything else is tried at grade 2,
    /// which has approvals and a follow-up review.
    /// </summary>
    public static int GradeFor(CaseAction action, CaseStatus status) =>
        action == CaseAction.Implement && status == CaseStatus.SolutionProposed ? 3 : 2;

    /// <summary>
    /// The data rule that still refuses an allowed action on a case the builder left in this status, if any:
    /// the builder's <see cref="CaseStatus.Investigating"/> case has no findings yet.
    /// </summary>
    public static (ErrorKind Kind, string Code)? DataRuleFor(CaseAction action, CaseStatus status) =>
        (action, status) switch
        {
            (CaseAction.ProposeSolution, CaseStatus.Investigating) => (ErrorKind.Conflict, "findings_required"),
            _ => null,
        };

    /// <summary>The timeline a successful action appends, in order: event, from and to status.</summary>
    public static IReadOnlyList<Entry> EntriesFor(CaseAction action, CaseStatus from, int grade) => action switch
    {
        CaseAction.Acknowledge => [new(TimelineEvent.Acknowledged, from, CaseStatus.Acknowledged)],
        CaseAction.Classify => [new(TimelineEvent.Classified, from, null)],
        CaseAction.Assign => [new(TimelineEvent.Assigned, from, from == CaseStatus.Acknowledged ? CaseStatus.Assigned : null)],
        CaseAction.StartInvestigation => [new(TimelineEvent.InvestigationStarted, from, CaseStatus.Investigating)],
        CaseAction.RecordFindings => [new(TimelineEvent.FindingsRecorded, from, null)],
        CaseAction.AddEvidence => [new(TimelineEvent.EvidenceAdded, from, null)],
        CaseAction.ProposeSolution => [new(TimelineEvent.SolutionProposed, from, CaseStatus.SolutionProposed)],
        CaseAction.Approve => [new(TimelineEvent.SolutionApproved, from, CaseStatus.Approved)],
        CaseAction.Reject => [new(TimelineEvent.SolutionRejected, from, CaseStatus.Investigating)],
        CaseAction.Implement => [new(TimelineEvent.ImplementationStarted, from, CaseStatus.Implementing)],
        CaseAction.RequestConfirmation => [new(TimelineEvent.ConfirmationRequested, from, CaseStatus.AwaitingConfirmation)],
        CaseAction.RecordConfirmation => grade <= 2
            ? [new(TimelineEvent.CustomerSatisfied, from, null), new(TimelineEvent.Closed, from, CaseStatus.Closed), new(TimelineEvent.ReviewScheduled, CaseStatus.Closed, null)]
            : [new(TimelineEvent.CustomerSatisfied, from, null), new(TimelineEvent.Closed, from, CaseStatus.Closed)],
        CaseAction.RecordReview => [new(TimelineEvent.ReviewPassed, from, null)],
        CaseAction.RateHandling => [new(TimelineEvent.HandlingRated, from, null)],
        CaseAction.Withdraw => [new(TimelineEvent.Withdrawn, from, CaseStatus.Withdrawn)],
        CaseAction.Refer => [new(TimelineEvent.Referred, from, CaseStatus.Referred)],
        CaseAction.AddCommunication => [new(TimelineEvent.CommunicationAdded, from, null)],
        CaseAction.AddNote => [new(TimelineEvent.NoteAdded, from, null)],
        CaseAction.AddAttachment => [new(TimelineEvent.AttachmentAdded, from, null)],
        CaseAction.RequestExtension => [new(TimelineEvent.ExtensionRequested, from, null)],
        // The internal profile's extension step tells the customer.
        CaseAction.ApproveExtension => [new(TimelineEvent.ExtensionApproved, from, null), new(TimelineEvent.CommunicationAdded, from, null)],
        CaseAction.RejectExtension => [new(TimelineEvent.ExtensionRejected, from, null)],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Takes the action with inputs that pass every data rule (a satisfied customer, a passed review).</summary>
    public static Result Take(CaseAction action, Case kase, Actor actor, DateTime now) => action switch
    {
        CaseAction.Acknowledge => kase.Acknowledge(actor, now, "Called back."),
        CaseAction.Classify => kase.Classify(actor, now, kase.CategoryId, kase.Grade == 4 ? 3 : kase.Grade + 1, kase.Flags, "Regraded."),
        CaseAction.Assign => kase.Assign(actor, now, Departments.Quality, [Departments.Logistics], Staff.OtherHandler),
        CaseAction.StartInvestigation => kase.StartInvestigation(actor, now),
        CaseAction.RecordFindings => kase.RecordFindings(actor, now, Valid.Findings()),
        CaseAction.AddEvidence => kase.AddEvidence(actor, now, "Photo of the crushed box", "customer", null),
        CaseAction.ProposeSolution => kase.ProposeSolution(actor, now, Valid.Plan(now)),
        CaseAction.Approve => kase.Approve(actor, now, "Agreed."),
        CaseAction.Reject => kase.Reject(actor, now, "Compensation too low."),
        CaseAction.Implement => kase.Implement(actor, now, null),
        CaseAction.RequestConfirmation => kase.RequestConfirmation(actor, now, null),
        CaseAction.RecordConfirmation => kase.RecordConfirmation(actor, now, satisfied: true, 5, null, CasePolicy.Default),
        CaseAction.RecordReview => kase.RecordReview(actor, now, passed: true, "No further breakage reported."),
        CaseAction.RateHandling => kase.RateHandling(actor, now, 4, 5, 5, 4, 5, "Quick and fair."),
        CaseAction.Withdraw => kase.Withdraw(actor, now, "Customer withdrew."),
        CaseAction.Refer => kase.Refer(actor, now, "Consumer association", "Out of scope."),
        CaseAction.AddCommunication => Plain(kase.AddCommunication(actor, now, Direction.Outbound, CommunicationMethod.Phone, "Called the customer", null)),
        CaseAction.AddNote => kase.AddNote(actor, now, "Customer prefers calls after 6 pm."),
        CaseAction.AddAttachment => kase.AddAttachment(actor, now, Valid.Photo(now)),
        CaseAction.RequestExtension => kase.RequestExtension(actor, now, "Waiting for the lab's report.", TestRules.Internal.Profile),
        CaseAction.ApproveExtension => kase.ApproveExtension(actor, now, "Agreed.", TestRules.Internal),
        CaseAction.RejectExtension => kase.RejectExtension(actor, now, "Not needed."),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>
    /// What must be in place before the action can be tried, done before the test looks: the clocks the SLA
    /// rules give a saved case, and for a decision on an extension, the handler's request (while one can be made).
    /// </summary>
    public static void Prepare(CaseAction action, Case kase, DateTime now)
    {
        kase.ApplyClockRules(Staff.Agent, now, TestRules.Internal);
        if (action is CaseAction.ApproveExtension or CaseAction.RejectExtension && Allows(CaseAction.RequestExtension, kase.Status))
            kase.RequestExtension(Staff.Handler, now, "Waiting for the lab's report.", TestRules.Internal.Profile);
    }

    private static Result Plain<T>(Result<T> result) => result.IsSuccess ? Result.Success : result.Error!;

    public sealed record Entry(TimelineEvent Event, CaseStatus? From, CaseStatus? To)
    {
        public static Entry Of(TimelineEntry entry) => new(entry.Event, entry.FromStatus, entry.ToStatus);
    }
}
