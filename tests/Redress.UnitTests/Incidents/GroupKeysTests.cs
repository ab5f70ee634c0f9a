using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.UnitTests.Incidents;

/// <summary>群体投诉: which complaints are "the same issue", and who counts as one customer.</summary>
public sealed class GroupKeysTests
{
    [Theory]
    [InlineData("KT18-S")]
    [InlineData("kt18 s")]
    [InlineData("ｋｔ１８ｓ")]
    [InlineData(" KT.18/S ")]
    public void TheSku_IsOneKeyHoweverItIsTyped(string sku)
    {
        var keys = GroupKeys.For(new ProductReference { ProductName = "电热水壶", Sku = sku });

        Assert.Equal(("product:kt18s", GroupKeyKind.Product), (Assert.Single(keys).Value, keys[0].Kind));
    }

    [Fact]
    public void TheProductComesFirst_ThenTheBatch_AndTheNameStandsInForAMissingSku()
    {
        var keys = GroupKeys.For(new ProductReference { ProductName = "电热水壶 KT-18", BatchNumber = "B2611-01" });

        Assert.Equal(["product:电热水壶kt18", "batch:b261101"], keys.Select(k => k.Value));
        Assert.Equal(["电热水壶 KT-18", "B2611-01"], keys.Select(k => k.Label));
    }

    [Fact]
    public void NoProductAndNoBatch_GroupsNothing() =>
        Assert.Empty(GroupKeys.For(new ProductReference { OrderNumber = "SO1", ProductName = " -- ", Sku = "" }));

    [Fact]
    public void AVeryLongName_IsCutToFitTheColumn() =>
        Assert.True(GroupKeys.For(new ProductReference { ProductName = new string('水', 400) })[0].Value.Length <= GroupKeys.MaxLength);

    [Theory]
    [InlineData("C-1001", "13800138000", "a@example.cn", "id:C-1001")]
    [InlineData(null, "+86 138 0013 8000", "a@example.cn", "tel:13800138000")]
    [InlineData(null, null, " A@Example.cn ", "mail:a@example.cn")]
    [InlineData(null, null, null, "addr:1teststreet")]
    public void TheCustomer_IsTheirIdElseThePhoneElseTheEmailElseTheAddress(string? id, string? phone, string? email, string expected) =>
        Assert.Equal(expected, GroupKeys.CustomerOf(new Customer { Name = "Zhao", CustomerId = id, Phone = phone, Email = email, Address = "1 Test Street" }));

    [Theory]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(5, 9, true)]
    [InlineData(0, 50, false)]
    [InlineData(1, 50, false)]
    public void TheThreshold_CountsDistinctCustomers_AndBelowTwoIsOff(int min, int customers, bool reached) =>
        Assert.Equal(reached, new GroupPolicy { MinCustomers = min, WindowHours = 24 }.Reached(customers));
}
