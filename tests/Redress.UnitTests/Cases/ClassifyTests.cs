using System.Text.Json;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>R-CL-2: category, grade and flags.</summary>
public sealed class ClassifyTests
{
    [Fact]
    public void Classify_WhenGradeChanges_RecordsTheGrade_AndLeavesTheDueDateToTheClocks()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Investigating).Build();
        var due = kase.DueAt;

        Outcome.AssertSucceeded(kase.Classify(Staff.QualityManager, Times.After(kase), kase.CategoryId, 1, kase.Flags, "Safety issue."));

        Assert.Equal(1, kase.Grade);
        Assert.Equal(due, kase.DueAt);
        Assert.True(kase.RequiresApproval);
        var entry = kase.Timeline[^1];
        Assert.Equal((TimelineEvent.Classified, CaseStatus.Investigating, (CaseStatus?)null, "Safety issue."), (entry.Event, entry.FromStatus, entry.ToStatus, entry.Text));
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal((3, 1), (changes.RootElement.GetProperty("grade").GetProperty("from").GetInt32(), changes.RootElement.GetProperty("grade").GetProperty("to").GetInt32()));
        // The new due date is the resolution clock's, recorded in the SlaRecomputed entry (ClockRulesTests).
        Assert.False(changes.RootElement.TryGetProperty("dueAt", out _));
    }

    [Fact]
    public void Classify_WhenOnlyFlagsChange_KeepsDueAt()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Assigned).Build();
        var due = kase.DueAt;

        Outcome.AssertSucceeded(kase.Classify(Staff.Handler, Times.After(kase), kase.CategoryId, 2, CaseFlags.Urgent | CaseFlags.Escalated, "Journalist called."));

        Assert.Equal(due, kase.DueAt);
        Assert.Equal(CaseFlags.Urgent | CaseFlags.Escalated, kase.Flags);
        using var changes = JsonDocument.Parse(kase.Timeline[^1].Changes!);
        Assert.False(changes.RootElement.TryGetProperty("dueAt", out _));
        Assert.False(changes.RootElement.TryGetProperty("grade", out _));
        Assert.Equal("Urgent, Escalated", changes.RootElement.GetProperty("flags").GetProperty("to").GetString());
    }

    [Fact]
    public void Classify_WhenOnlyCategoryChanges_IsRecorded()
    {
        var kase = A.Case().Build();

        Outcome.AssertSucceeded(kase.Classify(Staff.Agent, Times.After(kase), 12, kase.Grade, kase.Flags, null));

        Assert.Equal(12, kase.CategoryId);
    }

    [Fact]
    public void Classify_WhenNothingChanges_IsRefused()
    {
        var kase = A.Case().Graded(2).InStatus(CaseStatus.Assigned).Build();
        var before = CaseSnapshot.Of(kase);

        Outcome.AssertFailed(kase.Classify(Staff.Agent, Times.After(kase), kase.CategoryId, kase.Grade, kase.Flags, "Again."),
            ErrorKind.Validation, "nothing_changed");

        Assert.Equal(before, CaseSnapshot.Of(kase));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Classify_WhenGradeIsOutOfRange_IsInvalid(int grade)
    {
        var kase = A.Case().Build();
        var before = CaseSnapshot.Of(kase);

        Outcome.AssertFailed(kase.Classify(Staff.Agent, Times.After(kase), kase.CategoryId, grade, kase.Flags, null),
            ErrorKind.Validation, "grade_out_of_range");

        Assert.Equal(before, CaseSnapshot.Of(kase));
        Assert.Equal(3, kase.Grade);
    }
}
