using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>R-CL-4 and duplicates: which earlier cases of the customer a new complaint links to, and how.</summary>
public sealed class RepeatDetectionTests
{
    private static readonly DateTime Now = new(2026, 3, 31, 2, 0, 0, DateTimeKind.Utc);
    private static readonly RepeatDetection Detection = new();

    private static NewComplaint Complaint(string subject, string description, string? order = null, string? sku = null, string? product = null) =>
        new(subject, description, new ProductReference { OrderNumber = order, Sku = sku, ProductName = product });

    private static EarlierCase Earlier(TimeSpan ago, string subject, string description, string? order = null, bool open = true, long id = 1, string? sku = null) =>
        new(id, $"N{id}", Now - ago, open, order, sku, null, subject, description);

    [Theory]
    [InlineData(29 * 24 + 23, true)]
    [InlineData(30 * 24, true)]
    [InlineData(30 * 24 + 1, false)]
    public void TheSameOrder_IsARepeatWithinThirtyDays_ToTheHour(int hoursAgo, bool repeat)
    {
        var links = Detection.Judge(Complaint("还是漏水", "换过的水壶还是漏水", "SO-1"), [Earlier(TimeSpan.FromHours(hoursAgo), "水壶漏水", "底座漏水", "SO-1")], Now);

        Assert.Equal(repeat ? [new LinkFinding(1, "N1", CaseLinkKind.Repeat, LinkReason.SameOrder, 1)] : [], links);
    }

    [Fact]
    public void SimilarText_WithoutAnOrder_IsARepeatWithItsScore()
    {
        var links = Detection.Judge(Complaint("热水器又不出热水", "热水器又不出热水了，上次师傅上门修过还是不行"),
            [Earlier(TimeSpan.FromDays(12), "热水器不出热水", "上周买的热水器不出热水，师傅上门修过一次还是不行")], Now);

        var link = Assert.Single(links);
        Assert.Equal((CaseLinkKind.Repeat, LinkReason.SimilarText), (link.Kind, link.Reason));
        Assert.InRange(link.Score, 0.25, 0.8);
    }

    [Fact]
    public void TheSameSku_IsARepeat_AndADifferentIssue_IsNot()
    {
        var links = Detection.Judge(Complaint("Lid broke", "The lid hinge snapped off", "SO-2", sku: "KT-17"),
        [
            Earlier(TimeSpan.FromDays(3), "Kettle leaks", "Water leaks from the base", "SO-1", id: 1, sku: "KT-17"),
            Earlier(TimeSpan.FromDays(4), "Late parcel", "The courier was a week late", "SO-9", id: 2, sku: "TV-55"),
        ], Now);

        Assert.Equal([new LinkFinding(1, "N1", CaseLinkKind.Repeat, LinkReason.SameProduct, 1)], links);
    }

    [Fact]
    public void TheSameTextWithinHours_WhileTheFirstIsOpen_IsADuplicate_NotARepeat()
    {
        var complaint = Complaint("Charged twice", "My card was charged twice for order 1234, please refund one payment", "SO-1");

        var links = Detection.Judge(complaint, [Earlier(TimeSpan.FromHours(2), "Charged twice", "My card was charged twice for order 1234, please refund one payment!", "SO-1")], Now);

        Assert.Equal((CaseLinkKind.Duplicate, LinkReason.SimilarText), (Assert.Single(links).Kind, links[0].Reason));
        Assert.Same(TriageSuggestionsFor.Nothing, Detection.AddTo(TriageSuggestionsFor.Nothing, links, 3));
    }

    [Theory]
    [InlineData(73, true, CaseLinkKind.Repeat)]
    [InlineData(2, false, CaseLinkKind.Repeat)]
    public void TheSameText_AfterThreeDaysOrOnceTheFirstIsClosed_IsARepeat(int hoursAgo, bool open, CaseLinkKind kind)
    {
        var links = Detection.Judge(Complaint("重复扣款", "订单12345 重复扣款，请退一笔"), [Earlier(TimeSpan.FromHours(hoursAgo), "重复扣款", "订单12345 重复扣款，请退一笔", open: open)], Now);

        Assert.Equal(kind, Assert.Single(links).Kind);
    }

    [Fact]
    public void AnotherOrder_IsNeverADuplicate()
    {
        var links = Detection.Judge(Complaint("重复扣款", "订单重复扣款，请退一笔", "SO-2"), [Earlier(TimeSpan.FromHours(1), "重复扣款", "订单重复扣款，请退一笔", "SO-1")], Now);

        Assert.Equal((CaseLinkKind.Repeat, LinkReason.SimilarText), (Assert.Single(links).Kind, links[0].Reason));
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    public void ARepeat_IsRaisedOneGrade_AtMostToTwo(int grade, int raised) => Assert.Equal(raised, RepeatDetection.RaisedGrade(grade));

    [Fact]
    public void AddTo_SuggestsAndAppliesTheFlag_NamingTheEarlierCases()
    {
        var links = new[] { new LinkFinding(1, "N1", CaseLinkKind.Repeat, LinkReason.SameOrder, 1), new LinkFinding(2, "N2", CaseLinkKind.Repeat, LinkReason.SimilarText, 0.4) };

        var s = Detection.AddTo(TriageSuggestionsFor.Nothing, links, 3);

        var flag = Assert.Single(s.Flags);
        Assert.Equal((CaseFlags.Repeat, SuggestionSource.Repeat, 0.9, true), (flag.Flag, flag.Source, flag.Confidence, flag.Applied));
        Assert.Equal([new Cue(CueKind.SameOrder, "N1", 100), new Cue(CueKind.SimilarText, "N2", 40)], flag.Cues);
        var applied = Assert.Single(s.Applied);
        Assert.Equal((RepeatDetection.RuleName, 2, CaseFlags.Repeat), (applied.Name, applied.MaxGrade, applied.Flags));
        Assert.Equal(["N1", "N2"], applied.Keywords);
        Assert.Empty(new RepeatDetection { Apply = false }.AddTo(TriageSuggestionsFor.Nothing, links, 3).Applied);
    }
}

internal static class TriageSuggestionsFor
{
    public static readonly TriageSuggestion Nothing = new(null, [], null, [], new SentimentReading(0, AngerLevel.Calm, 0, []), [], []);
}
