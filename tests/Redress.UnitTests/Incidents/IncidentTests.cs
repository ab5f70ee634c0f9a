using Redress.Domain;
using Redress.Domain.Incidents;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Incidents;

/// <summary>The emergency process of seed 003 ch.7 as the incident's state machine.</summary>
public sealed class IncidentTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Incident New() => Incident.Open(new GroupKey("product:kt18s", GroupKeyKind.Product, "电热水壶 (KT18-S)"), Now);

    [Fact]
    public void OpenContainedResolvedClosed_EachStepOnTheRecord_AndTheVersionBumped()
    {
        var incident = New();

        Assert.True(incident.Contain(Staff.Lead, Now, "批次已下架").IsSuccess);
        Assert.True(incident.Resolve(Staff.QualityManager, Now.AddHours(5), "密封圈不合格；更换供应商").IsSuccess);
        Assert.True(incident.Close(Staff.Executive, Now.AddDays(3), null).IsSuccess);

        Assert.Equal((IncidentStatus.Closed, 4), (incident.Status, incident.Version));
        Assert.Equal([IncidentEvent.Contained, IncidentEvent.Resolved, IncidentEvent.Closed], incident.Updates.Select(u => u.Event));
        Assert.Equal(((IncidentStatus?)IncidentStatus.Contained, (IncidentStatus?)IncidentStatus.Resolved), (incident.Updates[1].FromStatus, incident.Updates[1].ToStatus));
        Assert.Equal(("密封圈不合格；更换供应商", (DateTime?)Now.AddDays(3)), (incident.Summary, incident.ClosedAt));
    }

    [Fact]
    public void Resolving_NeedsTheSummary() =>
        Assert.Equal("summary_required", New().Resolve(Staff.Lead, Now, "  ").Error?.Code);

    [Fact]
    public void OnlyLeadsQualityAndExecutives_RunAnIncident()
    {
        var refused = New().Contain(Staff.Agent, Now, null);

        Assert.Equal((ErrorKind.Forbidden, "role_not_allowed"), (refused.Error!.Kind, refused.Error.Code));
        Assert.Equal(ErrorKind.Forbidden, New().AddNote(Staff.Handler, Now, "x").Error?.Kind);
    }

    [Fact]
    public void ClosingAnOpenIncident_AndReopeningAClosedOne_AreConflicts()
    {
        var incident = New();
        Assert.Equal("illegal_transition", incident.Close(Staff.Lead, Now, null).Error?.Code);
        incident.Resolve(Staff.Lead, Now, "done");
        Assert.True(incident.Reopen(Staff.Lead, Now, "came back").IsSuccess);
        Assert.Equal(IncidentStatus.Open, incident.Status);
        Assert.Null(incident.ResolvedAt);
        incident.Resolve(Staff.Lead, Now, "done again");
        incident.Close(Staff.Lead, Now, null);
        Assert.Equal("illegal_transition", incident.Reopen(Staff.Lead, Now, "again").Error?.Code);
        Assert.Equal("incident_closed", incident.AssignOwner(Staff.Lead, Now, "qm-1", "Zhao Min").Error?.Code);
    }

    [Fact]
    public void ANote_Adds_WithoutChangingTheVersion()
    {
        var incident = New();

        incident.AddNote(Staff.Lead, Now, " 已联系全部客户 ");

        Assert.Equal((1, IncidentEvent.Note, "已联系全部客户", "Zhang Wei"), (incident.Version, incident.Updates[0].Event, incident.Updates[0].Text, incident.Updates[0].ActorName));
    }
}
