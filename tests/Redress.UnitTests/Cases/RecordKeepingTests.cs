using Redress.Domain.Cases;
using Redress.UnitTests.Builders;

namespace Redress.UnitTests.Cases;

/// <summary>R-WF-5 communications, notes, evidence and attachments: they add to the record and never move the case.</summary>
public sealed class RecordKeepingTests
{
    [Fact]
    public void AddCommunication_ReturnsAndKeepsTheCommunication()
    {
        var kase = A.Case().InStatus(CaseStatus.Investigating).Build();
        var now = Times.After(kase);

        var result = kase.AddCommunication(Staff.Handler, now, Direction.Outbound, CommunicationMethod.Phone, "Explained the delay", "Customer agreed to wait.");

        var communication = Assert.Single(kase.Communications);
        Assert.Same(communication, result.Value);
        Assert.Equal((now, Direction.Outbound, CommunicationMethod.Phone, "Explained the delay", Staff.Handler.UserId),
            (communication.At, communication.Direction, communication.Method, communication.Summary, communication.ActorId));
        Assert.Equal((TimelineEvent.CommunicationAdded, "Explained the delay"), (kase.Timeline[^1].Event, kase.Timeline[^1].Text));
    }

    [Fact]
    public void AddEvidence_KeepsWhoAddedItAndWhen()
    {
        var kase = A.Case().InStatus(CaseStatus.Assigned).Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.AddEvidence(Staff.Agent, now, "Customer's photos", "WeChat", 7));

        var evidence = Assert.Single(kase.Investigation!.Evidence);
        Assert.Equal(("Customer's photos", "WeChat", 7L, now, Staff.Agent.Name),
            (evidence.Description, evidence.Source, evidence.AttachmentId, evidence.AddedAt, evidence.AddedBy));
        Assert.Equal(CaseStatus.Assigned, kase.Status);
    }

    [Fact]
    public void AddAttachment_KeepsTheAttachmentAndNamesItInTheTimeline()
    {
        var kase = A.Case().Build();
        var now = Times.After(kase);

        Outcome.AssertSucceeded(kase.AddAttachment(Staff.Agent, now, Valid.Photo(now)));

        Assert.Equal("crushed-box.jpg", Assert.Single(kase.Attachments).FileName);
        Assert.Equal((TimelineEvent.AttachmentAdded, "crushed-box.jpg"), (kase.Timeline[^1].Event, kase.Timeline[^1].Text));
    }

    [Fact]
    public void AddNote_ByAnExecutive_IsAllowedOnAnyCase()
    {
        var kase = A.Case().Graded(1).InStatus(CaseStatus.Approved).Build();

        Outcome.AssertSucceeded(kase.AddNote(Staff.Executive, Times.After(kase), "Keep me posted."));

        Assert.Equal(CaseStatus.Approved, kase.Status);
    }
}
