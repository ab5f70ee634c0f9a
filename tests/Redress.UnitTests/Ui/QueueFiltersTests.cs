using Redress.Features.Cases;

namespace Redress.UnitTests.Ui;

public sealed class QueueFiltersTests
{
    [Fact]
    public void AQueryString_IsNormalised_ToTheKnownParametersInAFixedOrder()
    {
        var filters = QueueFilters.Parse("?sort=due&cursor=abc&grade=1&queue=overdue&utm=x&q=%E7%A0%B4%E6%8D%9F&status=");

        Assert.Equal("queue=overdue&q=%E7%A0%B4%E6%8D%9F&grade=1&sort=due", filters.ToQueryString());
        Assert.Equal(("overdue", "破损", true), (filters.Queue, filters.Q, filters.IsSearch));
    }

    [Fact]
    public void AnEmptyQueryString_IsTheDefaultQueue() =>
        Assert.Equal(("", false), (QueueFilters.Parse("").ToQueryString(), QueueFilters.Parse(null).IsSearch));
}
