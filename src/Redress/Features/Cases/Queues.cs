using Redress.Domain.Cases;

namespace Redress.Features.Cases;

/// <summary>
/// The work queues on the home page of agents, handlers and leads. Each is a case list query, so the API
/// (GET /cases with the same filters) and the page always agree on what a queue holds.
/// </summary>
public static class Queues
{
    public sealed record Queue(string Key, CaseListQuery Query, int? DepartmentId = null);

    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(24);

    public static IReadOnlyList<Queue> For(Actor actor, DateTime utcNow)
    {
        var open = CaseListQuery.Empty with { Open = true, Sort = "due" };
        var queues = new List<Queue>();
        if (actor.IsInAny([Role.Handler, Role.Lead])) queues.Add(new("mine", open with { AssigneeId = "me" }));
        foreach (var department in actor.DepartmentIds.Order())
            queues.Add(new($"department-{department}", open with { DepartmentId = department }, department));
        queues.Add(new("unassigned", open with { Unassigned = true }));
        queues.Add(new("due-soon", open with { Overdue = false, DueBefore = new DateTimeOffset(utcNow + DueSoonWindow, TimeSpan.Zero) }));
        queues.Add(new("overdue", open with { Overdue = true }));
        queues.Add(new("approval", open with { Status = [CaseStatus.SolutionProposed], Grade = [1, 2] }));
        queues.Add(new("customer", open with { Status = [CaseStatus.AwaitingConfirmation] }));
        queues.Add(new("reopened", open with { Status = [CaseStatus.Reopened] }));
        queues.Add(new("all", CaseListQuery.Empty with { Sort = "-created" }));
        return queues;
    }
}
