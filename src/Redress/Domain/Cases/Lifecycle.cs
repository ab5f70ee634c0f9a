namespace Redress.Domain.Cases;

/// <summary>Everything a person can do to a case. Each is one endpoint and one method on <see cref="Case"/>.</summary>
public enum CaseAction
{
    Acknowledge,
    Classify,
    Assign,
    StartInvestigation,
    RecordFindings,
    AddEvidence,
    ProposeSolution,
    Approve,
    Reject,
    Implement,
    RequestConfirmation,
    RecordConfirmation,
    RecordReview,
    /// <summary>R-AN-5: the customer's survey of the handling, after closing.</summary>
    RateHandling,
    Withdraw,
    Refer,
    AddCommunication,
    AddNote,
    AddAttachment,
    /// <summary>R-SLA-5: more time for the resolution, step by step as the SLA profile allows.</summary>
    RequestExtension,
    /// <summary>The step's approver (a lead or an executive) decides; the data rule checks which.</summary>
    ApproveExtension,
    RejectExtension,
}

/// <summary>
/// The one table of who may take which action from which state (R-WF-1). Conditions that depend on
/// the case's data (grade, findings, assignee) are checked by the <see cref="Case"/> methods themselves.
/// </summary>
public static class Lifecycle
{
    private sealed record Rule(CaseStatus[] From, Role[] Roles);

    private static readonly CaseStatus[] AnyStatus = Enum.GetValues<CaseStatus>();
    private static readonly CaseStatus[] AnyOpen = [.. CaseStatuses.Open];
    private static readonly Role[] Staff = [Role.Agent, Role.Handler, Role.Lead];
    private static readonly Role[] Handling = [Role.Handler, Role.Lead];
    private static readonly Role[] StaffAndCustomer = [Role.Agent, Role.Handler, Role.Lead, Role.Customer];

    private static readonly Dictionary<CaseAction, Rule> Rules = new()
    {
        [CaseAction.Acknowledge] = new([CaseStatus.Received], Staff),
        [CaseAction.Classify] = new(AnyOpen, [Role.Agent, Role.Handler, Role.Lead, Role.QualityManager]),
        [CaseAction.Assign] = new([CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating, CaseStatus.Reopened], [Role.Agent, Role.Lead]),
        [CaseAction.StartInvestigation] = new([CaseStatus.Assigned, CaseStatus.Reopened], Handling),
        [CaseAction.RecordFindings] = new([CaseStatus.Investigating, CaseStatus.Reopened], Handling),
        [CaseAction.AddEvidence] = new(AnyOpen, Staff),
        [CaseAction.ProposeSolution] = new([CaseStatus.Investigating, CaseStatus.Reopened], Handling),
        [CaseAction.Approve] = new([CaseStatus.SolutionProposed], [Role.Executive]),
        [CaseAction.Reject] = new([CaseStatus.SolutionProposed], [Role.Executive]),
        [CaseAction.Implement] = new([CaseStatus.SolutionProposed, CaseStatus.Approved], Handling),
        [CaseAction.RequestConfirmation] = new([CaseStatus.Implementing], Staff),
        // The customer answers on the portal; staff record an answer given by phone or letter.
        [CaseAction.RecordConfirmation] = new([CaseStatus.AwaitingConfirmation], StaffAndCustomer),
        [CaseAction.RecordReview] = new([CaseStatus.Closed], [Role.QualityManager, Role.Lead]),
        // The customer rates on the portal; the service desk or quality records a survey taken by phone.
        [CaseAction.RateHandling] = new([CaseStatus.Closed], [Role.Agent, Role.QualityManager, Role.Customer]),
        [CaseAction.Withdraw] = new(AnyOpen, Staff),
        [CaseAction.Refer] = new([CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating], [Role.Agent, Role.Lead]),
        [CaseAction.AddCommunication] = new(AnyStatus, StaffAndCustomer),
        [CaseAction.AddNote] = new(AnyStatus, [Role.Agent, Role.Handler, Role.Lead, Role.QualityManager, Role.Executive]),
        // Customers attach photos and receipts on the portal (R-IN-3).
        [CaseAction.AddAttachment] = new(AnyStatus, StaffAndCustomer),
        [CaseAction.RequestExtension] = new(AnyOpen, Handling),
        [CaseAction.ApproveExtension] = new(AnyOpen, [Role.Lead, Role.Executive]),
        [CaseAction.RejectExtension] = new(AnyOpen, [Role.Lead, Role.Executive]),
    };

    /// <summary>Roles that may register a new case.</summary>
    public static readonly IReadOnlyList<Role> Registrars = StaffAndCustomer;

    public static IReadOnlyList<Role> RolesFor(CaseAction action) => Rules[action].Roles;

    public static IReadOnlyList<CaseStatus> StatesFor(CaseAction action) => Rules[action].From;

    /// <summary>Role first (403 whatever the state), then state (409).</summary>
    public static Error? Check(CaseAction action, CaseStatus status, Actor actor)
    {
        var rule = Rules[action];
        if (!actor.IsInAny(rule.Roles))
        {
            return Error.Forbidden("role_not_allowed",
                $"{action} needs one of the roles {string.Join(", ", rule.Roles)}; you have {Describe(actor.Roles)}.");
        }
        if (!rule.From.Contains(status))
        {
            return Error.Conflict("illegal_transition",
                $"{action} is not possible while the case is {status}; it needs {string.Join(" or ", rule.From)}.");
        }
        return null;
    }

    /// <summary>The actions this actor could take on a case in this state (before data-dependent checks).</summary>
    public static IEnumerable<CaseAction> Available(CaseStatus status, Actor actor) =>
        Rules.Where(r => r.Value.From.Contains(status) && actor.IsInAny(r.Value.Roles)).Select(r => r.Key);

    private static string Describe(IReadOnlySet<Role> roles) => roles.Count == 0 ? "no role" : string.Join(", ", roles);
}
