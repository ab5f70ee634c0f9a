using Redress.Domain.Routing;

namespace Redress.UnitTests.Routing;

/// <summary>R-WF-2: the handler within the lead department, by round robin or least open work.</summary>
public sealed class HandlerChoiceTests
{
    private static readonly Candidate Ann = new("u-a", "Ann Lee", false, 5), Bob = new("u-b", "Bob Wu", false, 2), Cai = new("u-c", "蔡明", false, 2);
    private static readonly IReadOnlySet<string> NoOne = new HashSet<string>();

    private static string? Next(RoutingPolicy policy, string? cursor, IReadOnlySet<string>? recused = null, params Candidate[] members) =>
        HandlerChoice.Choose(policy, members, recused ?? NoOne, cursor).Chosen?.UserId;

    [Fact]
    public void RoundRobin_TakesThePeopleInTurn_ByUserId_AndWrapsAround()
    {
        Assert.Equal("u-a", Next(RoutingPolicy.RoundRobin, null, null, Cai, Ann, Bob));
        Assert.Equal("u-b", Next(RoutingPolicy.RoundRobin, "u-a", null, Cai, Ann, Bob));
        Assert.Equal("u-c", Next(RoutingPolicy.RoundRobin, "u-b", null, Cai, Ann, Bob));
        Assert.Equal("u-a", Next(RoutingPolicy.RoundRobin, "u-c", null, Cai, Ann, Bob));
        // The last person routed to left the department: the turn goes on from where they stood.
        Assert.Equal("u-c", Next(RoutingPolicy.RoundRobin, "u-bb", null, Cai, Ann, Bob));
    }

    [Fact]
    public void RoundRobin_PassesOverWhoeverIsAway_AndSaysSo()
    {
        var pick = HandlerChoice.Choose(RoutingPolicy.RoundRobin, [Ann, Bob with { Away = true }, Cai], NoOne, "u-a");

        Assert.Equal("u-c", pick.Chosen?.UserId);
        Assert.Equal([new Skipped("u-b", "Bob Wu", SkipReason.Away)], pick.Skipped);
    }

    [Fact]
    public void NobodyGetsAComplaintAboutThemselves()
    {
        var pick = HandlerChoice.Choose(RoutingPolicy.LeastOpen, [Ann, Bob, Cai], new HashSet<string> { "u-b" }, null);

        Assert.Equal("u-c", pick.Chosen?.UserId);
        Assert.Equal(SkipReason.Recused, Assert.Single(pick.Skipped).Reason);
    }

    [Fact]
    public void LeastOpen_TakesTheFewestOpenCases_TiesGoingToWhoeverIsNextInTurn()
    {
        Assert.Equal("u-b", Next(RoutingPolicy.LeastOpen, null, null, Ann, Bob, Cai));
        Assert.Equal("u-c", Next(RoutingPolicy.LeastOpen, "u-b", null, Ann, Bob, Cai));
        Assert.Equal("u-b", Next(RoutingPolicy.LeastOpen, "u-c", null, Ann, Bob, Cai));
        Assert.Equal("u-a", Next(RoutingPolicy.LeastOpen, null, null, Ann with { OpenCases = 0 }, Bob, Cai));
    }

    [Fact]
    public void WhenEveryoneIsAwayOrRecused_NobodyIsChosen_AndTheLeadAssigns()
    {
        var pick = HandlerChoice.Choose(RoutingPolicy.RoundRobin, [Ann with { Away = true }, Bob], new HashSet<string> { "u-b" }, null);

        Assert.Null(pick.Chosen);
        Assert.Equal([SkipReason.Away, SkipReason.Recused], pick.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void Manual_ChoosesNobody()
    {
        var pick = HandlerChoice.Choose(RoutingPolicy.Manual, [Ann, Bob], NoOne, null);

        Assert.Equal((null, 0), (pick.Chosen, pick.Skipped.Count));
    }

    [Fact]
    public void Away_EndsAtTheUntilDate()
    {
        var now = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

        Assert.True(HandlerChoice.IsAway(true, null, now));
        Assert.True(HandlerChoice.IsAway(true, now.AddMinutes(1), now));
        Assert.False(HandlerChoice.IsAway(true, now, now));
        Assert.False(HandlerChoice.IsAway(false, now.AddDays(1), now));
    }
}
