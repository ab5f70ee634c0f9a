using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.UnitTests.Builders;

/// <summary>Assertions on <see cref="Result"/> that say which error came back when the wrong one did.</summary>
public static class Outcome
{
    public static void AssertSucceeded(Result result) =>
        Assert.True(result.IsSuccess, $"Expected success, got {result.Error}");

    public static Error AssertFailed(Result result, ErrorKind kind, string code)
    {
        Assert.False(result.IsSuccess, $"Expected {kind} {code}, got success");
        Assert.Equal((kind, code), (result.Error!.Kind, result.Error.Code));
        return result.Error;
    }

    public static Error AssertFailed<T>(Result<T> result, ErrorKind kind, string code)
    {
        Assert.False(result.IsSuccess, $"Expected {kind} {code}, got success");
        Assert.Equal((kind, code), (result.Error!.Kind, result.Error.Code));
        return result.Error;
    }
}

/// <summary>What a refused action must leave untouched.</summary>
public sealed record CaseSnapshot(int Version, CaseStatus Status, bool IsOpen, int TimelineCount, DateTime UpdatedAt, DateTime? ClosedAt)
{
    public static CaseSnapshot Of(Case kase) =>
        new(kase.Version, kase.Status, kase.IsOpen, kase.Timeline.Count, kase.UpdatedAt, kase.ClosedAt);
}
