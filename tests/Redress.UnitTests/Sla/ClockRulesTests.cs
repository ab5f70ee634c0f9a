using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Sla;

/// <summary>When each clock starts, is met, pauses, resumes and stops, as the lifecycle moves (R-SLA-1/2).</summary>
public sealed class ClockRulesTests
{
    private static readonly SlaRules Rules = TestRules.Internal;

    /// <summary>Registered Monday 2 March 2026 09:00 Beijing (Times.Start), graded as asked.</summary>
    private static Case Registered(int grade = 3, CaseFlags flags = CaseFlags.None)
    {
        var kase = A.Case().Graded(grade).Build();
        if (flags != CaseFlags.None) kase.Classify(Staff.Agent, Times.Start, kase.CategoryId, grade, flags, "flagged");
        kase.ApplyClockRules(Staff.Agent, Times.Start, Rules);
        return kase;
    }

    private static DateTime Beijing(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void Register_GeneralComplaint_StartsTheGeneralTargets()
    {
        var kase = Registered(grade: 3);

        Assert.Equal("general", kase.SlaPolicyKey);
        Assert.Equal([SlaTarget.FirstContact, SlaTarget.Acknowledgement, SlaTarget.InitialPlan, SlaTarget.Resolution],
            kase.Clocks.Select(c => c.Target));
        // Two working hours from Monday 09:00.
        Assert.Equal(Beijing(3, 2, 11), kase.ActiveClock(SlaTarget.FirstContact)!.DueAt);
        Assert.Equal(Times.Start.AddHours(24), kase.ActiveClock(SlaTarget.InitialPlan)!.DueAt);
        // Ten working days, the day of receipt not counted: the end of Monday 16 March.
        Assert.Equal(Beijing(3, 16, 18), kase.ActiveClock(SlaTarget.Resolution)!.DueAt);
        Assert.Equal(kase.ActiveClock(SlaTarget.Resolution)!.DueAt, kase.DueAt);
        Assert.Contains("\"policy\":\"general\"", kase.Timeline[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_GradeTwo_StartsTheMajorTargets()
    {
        var kase = Registered(grade: 2);

        Assert.Equal("major", kase.SlaPolicyKey);
        Assert.Equal(Times.Start.AddHours(1), kase.ActiveClock(SlaTarget.SupervisorReport)!.DueAt);
        Assert.Equal(Times.Start.AddHours(4), kase.ActiveClock(SlaTarget.HandlingStart)!.DueAt);
        Assert.Equal(Times.Start.AddHours(24), kase.ActiveClock(SlaTarget.CustomerUpdate)!.DueAt);
    }

    [Fact]
    public void Acknowledge_MeetsTheAcknowledgementOnly()
    {
        var kase = Registered();
        var at = Times.Start.AddMinutes(30);

        kase.Acknowledge(Staff.Agent, at);
        kase.ApplyClockRules(Staff.Agent, at, Rules);

        var ack = kase.Clocks.Single(c => c.Target == SlaTarget.Acknowledgement);
        Assert.Equal(at, ack.MetAt);
        Assert.True(ack.MetInTime);
        Assert.Null(ack.NextCheckAt);
        Assert.True(kase.ActiveClock(SlaTarget.FirstContact)!.IsRunning);
    }

    [Fact]
    public void OutboundContact_MeetsFirstContact_AndRestartsTheCustomerUpdate()
    {
        var kase = Registered(grade: 2);
        var at = Times.Start.AddHours(2);

        kase.AddCommunication(Staff.Agent, at, Direction.Outbound, CommunicationMethod.Phone, "Called back", null);
        kase.ApplyClockRules(Staff.Agent, at, Rules);

        var updates = kase.Clocks.Where(c => c.Target == SlaTarget.CustomerUpdate).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(at, updates[0].MetAt);
        Assert.Equal(at.AddHours(24), updates[1].DueAt);
    }

    [Fact]
    public void InboundContact_MeetsNothing()
    {
        var kase = Registered();

        kase.AddCommunication(Staff.Agent, Times.Start.AddHours(1), Direction.Inbound, CommunicationMethod.Phone, "Customer called", null);
        kase.ApplyClockRules(Staff.Agent, Times.Start.AddHours(1), Rules);

        Assert.All(kase.Clocks, c => Assert.Null(c.MetAt));
    }

    [Fact]
    public void LeadActing_MeetsTheSupervisorReport()
    {
        var kase = Registered(grade: 1);
        var at = Times.Start.AddMinutes(40);

        kase.AddNote(Staff.Lead, at, "Seen; handling it myself.");
        kase.ApplyClockRules(Staff.Lead, at, Rules);

        Assert.Equal(at, kase.Clocks.Single(c => c.Target == SlaTarget.SupervisorReport).MetAt);
    }

    [Fact]
    public void Regrade_ToMajor_RecomputesWithTheReasonInTheTimeline()
    {
        var kase = Registered(grade: 3);
        var at = Times.Start.AddHours(1);
        var before = kase.DueAt;

        kase.Classify(Staff.Agent, at, kase.CategoryId, 2, CaseFlags.None, "The kettle caught fire.");
        kase.ApplyClockRules(Staff.Agent, at, Rules);

        Assert.Equal("major", kase.SlaPolicyKey);
        var entry = kase.Timeline.Last();
        Assert.Equal(TimelineEvent.SlaRecomputed, entry.Event);
        Assert.Equal("The kettle caught fire.", entry.Text);
        Assert.Contains("\"from\":\"general\",\"to\":\"major\"", entry.Changes, StringComparison.Ordinal);
        // New targets start at the re-grade; the resolution keeps its start and takes the new limit.
        Assert.Equal(at.AddHours(1), kase.ActiveClock(SlaTarget.SupervisorReport)!.DueAt);
        Assert.Equal(Beijing(3, 9, 18), kase.ActiveClock(SlaTarget.Resolution)!.DueAt);
        Assert.Equal(kase.ActiveClock(SlaTarget.Resolution)!.DueAt, kase.DueAt);
        using (var changes = System.Text.Json.JsonDocument.Parse(entry.Changes!))
        {
            var due = changes.RootElement.GetProperty("dueAt");
            Assert.Equal((before, kase.DueAt), (due.GetProperty("from").GetDateTime(), due.GetProperty("to").GetDateTime()));
        }
        // The general policy's initial-plan target is not the major policy's: stopped.
        Assert.NotNull(kase.Clocks.Single(c => c.Target == SlaTarget.InitialPlan).StoppedAt);
    }

    [Fact]
    public void SafetyFlag_OnGradeThree_IsMajor()
    {
        var kase = Registered(grade: 3, flags: CaseFlags.Escalated);

        Assert.Equal("major", kase.SlaPolicyKey);
    }

    [Fact]
    public void AwaitingTheCustomer_PausesTheClocks_AndTheAnswerResumesThem()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.Implementing).Build();
        kase.ApplyClockRules(Staff.Agent, Times.Start, Rules);
        var resolution = kase.ActiveClock(SlaTarget.Resolution)!;
        var due = resolution.DueAt;
        var asked = Beijing(3, 3, 10);

        kase.RequestConfirmation(Staff.Agent, asked, "Asked");
        kase.ApplyClockRules(Staff.Agent, asked, Rules);
        Assert.Equal(asked, resolution.PausedAt);
        Assert.Null(resolution.NextCheckAt);

        // The customer answers (not satisfied) two working days later: the limit moves by two working days.
        var answered = Beijing(3, 5, 10);
        kase.RecordConfirmation(Staff.Agent, answered, satisfied: false, 2, "Still leaks", CasePolicy.Default);
        kase.ApplyClockRules(Staff.Agent, answered, Rules);
        Assert.Null(resolution.PausedAt);
        Assert.Equal(Beijing(3, 18, 18), resolution.DueAt);
        Assert.Equal(due.AddDays(2), resolution.DueAt);
    }

    [Fact]
    public void Close_MeetsTheResolution_AndStopsTheRest()
    {
        var kase = A.Case().Graded(3).InStatus(CaseStatus.AwaitingConfirmation).Build();
        kase.ApplyClockRules(Staff.Agent, Times.Start, Rules);
        var at = Beijing(3, 4, 10);

        kase.RecordConfirmation(Staff.Agent, at, satisfied: true, 5, "Fine", CasePolicy.Default);
        kase.ApplyClockRules(Staff.Agent, at, Rules);

        Assert.Equal(at, kase.Clocks.Single(c => c.Target == SlaTarget.Resolution).MetAt);
        Assert.All(kase.Clocks, c => Assert.False(c.IsActive));
        Assert.All(kase.Clocks, c => Assert.Null(c.NextCheckAt));
    }

    [Fact]
    public void Withdraw_StopsEveryClock()
    {
        var kase = Registered();

        kase.Withdraw(Staff.Agent, Times.Start.AddHours(1), "Settled");
        kase.ApplyClockRules(Staff.Agent, Times.Start.AddHours(1), Rules);

        Assert.All(kase.Clocks, c => Assert.NotNull(c.StoppedAt));
    }
}
