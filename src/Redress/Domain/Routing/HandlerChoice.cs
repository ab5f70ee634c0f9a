namespace Redress.Domain.Routing;

/// <summary>How a department hands its new cases to its people.</summary>
public enum RoutingPolicy
{
    /// <summary>The lead (主管) assigns by hand; routing stops at the department.</summary>
    Manual,
    /// <summary>轮流: each next case to the next person in turn.</summary>
    RoundRobin,
    /// <summary>The person with the fewest open cases assigned; ties go to whoever is next in turn.</summary>
    LeastOpen,
}

/// <summary>A member of the department who can take cases (a handler or a lead), with their open case count.</summary>
public sealed record Candidate(string UserId, string Name, bool Away, int OpenCases);

public enum SkipReason
{
    Away,
    /// <summary>回避: the complaint is about them.</summary>
    Recused,
}

public sealed record Skipped(string UserId, string Name, SkipReason Reason);

/// <summary>Who gets the case, and who was passed over and why (both go on the timeline).</summary>
public sealed record HandlerPick(Candidate? Chosen, IReadOnlyList<Skipped> Skipped);

/// <summary>
/// Chooses a handler within the lead department (R-WF-2). The turn order is the members' user ids in ordinal
/// order, and the department's cursor is the id of the last person routed to: the next turn is the first
/// eligible id after it, wrapping. An id order survives people joining and leaving, which a position would not.
/// </summary>
public static class HandlerChoice
{
    /// <summary>Away with no end date stays away until they say otherwise; with one, they are back from that moment.</summary>
    public static bool IsAway(bool away, DateTime? until, DateTime now) => away && (until is null || now < until);

    public static HandlerPick Choose(RoutingPolicy policy, IEnumerable<Candidate> members, IReadOnlySet<string> recused, string? cursor)
    {
        if (policy == RoutingPolicy.Manual) return new(null, []);
        var skipped = new List<Skipped>();
        var eligible = new List<Candidate>();
        foreach (var m in members.DistinctBy(m => m.UserId).OrderBy(m => m.UserId, StringComparer.Ordinal))
        {
            if (recused.Contains(m.UserId)) skipped.Add(new(m.UserId, m.Name, SkipReason.Recused));
            else if (m.Away) skipped.Add(new(m.UserId, m.Name, SkipReason.Away));
            else eligible.Add(m);
        }
        if (eligible.Count == 0) return new(null, skipped);
        // In turn: those after the cursor first, then from the start again.
        var inTurn = eligible.Where(m => cursor is null || string.CompareOrdinal(m.UserId, cursor) > 0)
            .Concat(eligible.Where(m => cursor is not null && string.CompareOrdinal(m.UserId, cursor) <= 0));
        var chosen = policy == RoutingPolicy.LeastOpen
            ? inTurn.Select((m, turn) => (m, turn)).OrderBy(x => x.m.OpenCases).ThenBy(x => x.turn).First().m
            : inTurn.First();
        return new(chosen, skipped);
    }
}
