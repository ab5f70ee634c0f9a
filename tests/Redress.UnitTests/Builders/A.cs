namespace Redress.UnitTests.Builders;

/// <summary>Entry point of the test data builders: <c>A.Case().Graded(2).InStatus(CaseStatus.Investigating).Build()</c>.</summary>
public static class A
{
    public static CaseBuilder Case() => new();

    public static NewCaseBuilder NewCase() => new();
}
