using Redress.Domain.Routing;

namespace Redress.Domain.Cases;

/// <summary>
/// What routing decided for a new case: the rule that chose the department (if one did), the handler pick, and the
/// staff member intake said the complaint is about.
/// </summary>
public sealed record RouteDecision(int? RuleId, string? RuleName, int? DepartmentId, RoutingPolicy Policy, HandlerPick Pick, Assignee? AboutStaff = null);

// R-WF-2: routing runs once, at registration, and only fills what intake left empty: a lead department intake chose
// stays, and afterwards only people change the assignment (AssignCase), so routing never undoes a manual choice.
public sealed partial class Case
{
    /// <summary>回避: the staff member intake named as the one the complaint is about (their attitude, their work).</summary>
    public string? AboutStaffId { get; private set; }
    public string? AboutStaffName { get; private set; }

    /// <summary>
    /// Whether the complaint is about this person, who may then not handle it: intake named them, or their name is
    /// in the subject or description (<see cref="Recusal.Mentions"/>).
    /// </summary>
    public bool IsAbout(string userId, string name) =>
        userId == AboutStaffId || Recusal.Mentions(Subject, name) || Recusal.Mentions(Description, name);

    /// <summary>
    /// Sets the routed lead department (when the case has none) and handler, in one timeline entry by the system
    /// ("routed by rule X"), naming who was passed over and why. Nothing is recorded when routing changed nothing
    /// and passed over nobody.
    /// </summary>
    public Result Route(RouteDecision decision, DateTime now)
    {
        if (Status != CaseStatus.Received)
            return Error.Conflict("routing_after_registration", "Routing rules apply only when a case is registered.");
        var department = LeadDepartmentId ?? decision.DepartmentId;
        var handler = AssigneeId is null ? decision.Pick.Chosen : null;
        if (handler is not null && IsAbout(handler.UserId, handler.Name))
            throw new InvalidOperationException("Routing chose someone the complaint is about.");
        var about = AboutStaffId is null ? decision.AboutStaff : null;
        if (department == LeadDepartmentId && handler is null && about is null && decision.Pick.Skipped.Count == 0) return Result.Success;
        var changes = new Dictionary<string, object?>();
        if (department != LeadDepartmentId)
        {
            changes["rule"] = new { id = decision.RuleId, name = decision.RuleName };
            changes["leadDepartmentId"] = new { from = LeadDepartmentId, to = department };
            AssistingDepartments.RemoveAll(a => a.DepartmentId == department);
        }
        changes["policy"] = decision.Policy.ToString();
        if (handler is not null) changes["assignee"] = new { from = AssigneeName, to = handler.Name, id = handler.UserId };
        if (about is not null) changes["aboutStaff"] = new { id = about.UserId, name = about.Name };
        if (decision.Pick.Skipped.Count > 0)
            changes["skipped"] = decision.Pick.Skipped.Select(s => new { id = s.UserId, name = s.Name, reason = s.Reason.ToString() }).ToList();
        LeadDepartmentId = department;
        if (handler is not null) (AssigneeId, AssigneeName) = (handler.UserId, handler.Name);
        if (about is not null) (AboutStaffId, AboutStaffName) = (about.UserId, about.Name);
        Record(TimelineEvent.Routed, Actor.System, now, text: changes.ContainsKey("rule") ? decision.RuleName : null, changes: changes);
        return Result.Success;
    }
}
