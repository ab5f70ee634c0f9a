using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.UnitTests.Ui;

/// <summary>The overview's drill-down links: query parameters the queues page reads back.</summary>
public sealed class QueueLinkTests
{
    [Fact]
    public void ALink_CarriesOnlyTheFiltersGiven_InstantsInUtc()
    {
        var from = new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);

        var link = new QueueLink(Channel: Channel.Email, Category: 7, From: from, To: from.AddDays(1)).ToString();

        Assert.Equal("/?queue=all&channel=Email&category=7&from=2026-11-22T16%3A00%3A00Z&to=2026-11-23T16%3A00%3A00Z", link);
    }

    [Fact]
    public void ALink_ForOpenCasesOfADepartmentInAQueue_NamesThem() =>
        Assert.Equal("/?queue=overdue&grade=2&department=3&open=true&flag=Repeat",
            new QueueLink("overdue", Grade: 2, Department: 3, Open: true, Flag: CaseFlags.Repeat).ToString());

    [Fact]
    public void AnInstant_ReadsBackAsTheSameMoment()
    {
        var at = new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(at), QueueLink.ParseInstant(QueueLink.Instant(at)));
        Assert.Null(QueueLink.ParseInstant("yesterday"));
    }

    [Theory]
    [InlineData("Repeat", CaseFlags.Repeat)]
    [InlineData("None", null)]
    [InlineData("6", null)]
    [InlineData("Urgent, Group", null)]
    [InlineData(null, null)]
    public void AFlag_IsOneNamedFlag(string? text, CaseFlags? expected) => Assert.Equal(expected, QueueLink.ParseFlag(text));
}
