using Redress.Domain.Cases;
using Redress.Domain.Routing;

namespace Redress.UnitTests.Routing;

/// <summary>R-WF-2: which rule picks a new case's lead department.</summary>
public sealed class RouteBookTests
{
    private const int Quality = 7, Cracked = 71, Logistics = 8, QualityDept = 1, LogisticsDept = 2, ShanghaiDept = 3, CatchAllDept = 4;

    private static RoutingRule Rule(string name, int department, int priority = 10, int? category = null, string? product = null,
        Channel? channel = null, string? region = null, bool active = true) =>
        RoutingRule.Create(new RoutingRuleSpec(name, category, product, channel, region, department, priority, active), "admin", DateTime.UnixEpoch).Value;

    private static RouteFacts Facts(int? category = null, string? product = null, string? sku = null, Channel channel = Channel.Phone, string? address = null) =>
        new(RouteMatch.Lineage(category, id => id == Cracked ? Quality : null), product, sku, channel, address);

    [Fact]
    public void ARuleOnACategory_AlsoTakesItsSubCategories()
    {
        var book = RouteBook.Compile([Rule("质量问题", QualityDept, category: Quality)]);

        Assert.Equal(QualityDept, book.FirstMatch(Facts(category: Cracked))?.DepartmentId);
        Assert.Equal(QualityDept, book.FirstMatch(Facts(category: Quality))?.DepartmentId);
        Assert.Null(book.FirstMatch(Facts(category: Logistics)));
        Assert.Null(book.FirstMatch(Facts()));
    }

    [Fact]
    public void ProductPatterns_MatchTheNameOrTheSku_IgnoringCase()
    {
        var book = RouteBook.Compile([Rule("Kettles", QualityDept, product: "*电水壶*, kt-*")]);

        Assert.NotNull(book.FirstMatch(Facts(product: "美的电水壶 1.7L")));
        Assert.NotNull(book.FirstMatch(Facts(product: "Toaster", sku: "KT-17")));
        Assert.Null(book.FirstMatch(Facts(product: "Toaster", sku: "TS-2")));
        Assert.Null(book.FirstMatch(Facts()));
    }

    [Fact]
    public void ARegion_MatchesAnyOfItsPlaceNamesInTheAddress()
    {
        var book = RouteBook.Compile([Rule("华东", ShanghaiDept, region: "上海、浙江, Shanghai")]);

        Assert.NotNull(book.FirstMatch(Facts(address: "上海市浦东新区世纪大道100号")));
        Assert.NotNull(book.FirstMatch(Facts(address: "88 Nanjing Road, shanghai")));
        Assert.NotNull(book.FirstMatch(Facts(address: "浙江省杭州市西湖区")));
        Assert.Null(book.FirstMatch(Facts(address: "北京市朝阳区")));
        Assert.Null(book.FirstMatch(Facts(address: null)));
    }

    [Fact]
    public void EveryConditionOfARule_MustHold()
    {
        var book = RouteBook.Compile([Rule("Web kettles", QualityDept, category: Quality, product: "*kettle*", channel: Channel.Web)]);

        Assert.NotNull(book.FirstMatch(Facts(category: Cracked, product: "Electric kettle", channel: Channel.Web)));
        Assert.Null(book.FirstMatch(Facts(category: Cracked, product: "Electric kettle", channel: Channel.Phone)));
        Assert.Null(book.FirstMatch(Facts(category: Logistics, product: "Electric kettle", channel: Channel.Web)));
    }

    [Fact]
    public void Rules_AreTriedByPriority_HigherFirst_SkippingInactiveRulesAndClosedDepartments()
    {
        var book = RouteBook.Compile([
            Rule("Everything else", CatchAllDept, priority: 0),
            Rule("Shanghai", ShanghaiDept, priority: 50, region: "上海"),
            Rule("Old Shanghai rule", LogisticsDept, priority: 90, region: "上海", active: false),
            Rule("Quality", QualityDept, priority: 20, category: Quality),
        ]);

        Assert.Equal(["Shanghai", "Quality", "Everything else"], book.Rules.Select(r => r.Name));
        Assert.Equal("Shanghai", book.FirstMatch(Facts(category: Cracked, address: "上海市"))?.Name);
        Assert.Equal("Quality", book.FirstMatch(Facts(category: Cracked, address: "北京"))?.Name);
        Assert.Equal("Everything else", book.FirstMatch(Facts(address: "北京"))?.Name);
        Assert.Equal("Quality", book.FirstMatch(Facts(category: Cracked, address: "上海市"), d => d != ShanghaiDept)?.Name);
    }

    [Theory]
    [InlineData("*kettle*", "Electric Kettle 1.7L", true)]
    [InlineData("KT-*", "kt-17", true)]
    [InlineData("KT-??", "KT-17", true)]
    [InlineData("KT-??", "KT-170", false)]
    [InlineData("kettle", "Electric kettle", false)]
    [InlineData("*a*b*c", "xxaxxbxxcx", false)]
    [InlineData("*a*b*c", "xxaxxbxxc", true)]
    [InlineData("*", "", false)]
    public void Glob_MatchesTheWholeValue(string pattern, string value, bool matches) =>
        Assert.Equal(matches, RouteMatch.Glob(pattern, value));

    [Fact]
    public void ARuleNeedsAName_AndPatternsThatSaySomething()
    {
        Assert.Equal("name_required", RoutingRule.Check(new(" ", null, null, null, null, 1, 10, true))?.Code);
        Assert.Equal("pattern_too_broad", RoutingRule.Check(new("All", null, "KT-*, *", null, null, 1, 10, true))?.Code);
        Assert.Equal("region_required", RoutingRule.Check(new("All", null, null, null, " , 、", 1, 10, true))?.Code);
        Assert.Null(RoutingRule.Check(new("Catch-all", null, "", null, null, 1, 0, true)));
    }
}
