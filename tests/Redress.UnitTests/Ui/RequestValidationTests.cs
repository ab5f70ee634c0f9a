using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.UnitTests.Ui;

/// <summary>The UI's check of a request: the request's own DataAnnotations, nested records included (keys as the API's).</summary>
public sealed class RequestValidationTests
{
    private static readonly IStringLocalizer Keys = new KeyLocalizer();

    [Fact]
    public void Check_WhenEverythingIsValid_IsEmpty()
    {
        Assert.Empty(RequestValidation.Check(Registration(), Keys));
    }

    [Fact]
    public void Check_WhenANestedFieldBreaksItsRule_NamesItByItsPath()
    {
        var request = Registration(customer: new CustomerInput("", "13812345678", "not-an-email", null, null));

        var errors = RequestValidation.Check(request, Keys);

        Assert.Equal(["Customer.Email", "Customer.Name"], errors.Keys.Order());
        Assert.Equal("Validation.Email", errors["Customer.Email"]);
    }

    [Fact]
    public void Check_WhenTheSecondNestedRecordBreaksItsRule_NamesItToo()
    {
        var request = Registration(product: new ProductInput(new string('1', 65), null, null, null));

        Assert.Equal(["Product.OrderNumber"], RequestValidation.Check(request, Keys).Keys);
    }

    [Fact]
    public void Check_WhenAnOptionalNestedRecordIsMissing_IsValid()
    {
        Assert.Empty(RequestValidation.Check(Registration() with { Product = null }, Keys));
    }

    [Fact]
    public void Check_WhenARequiredNestedRecordIsMissing_NamesTheRecord()
    {
        var request = Registration() with { Customer = null! };

        Assert.Equal(["Customer"], RequestValidation.Check(request, Keys).Keys);
    }

    [Fact]
    public void Check_ReportsTopLevelAndNestedFieldsTogether()
    {
        var request = Registration(customer: new CustomerInput(" ", null, null, null, null)) with { Subject = "", Demand = null };

        Assert.Equal(["Customer.Name", "Demand", "Subject"], RequestValidation.Check(request, Keys).Keys.Order());
    }

    private static RegisterCaseRequest Registration(CustomerInput? customer = null, ProductInput? product = null) => new(
        Channel.Phone, "热水壶盖子裂了", "客户说周一送到的热水壶盖子有裂纹，要求换货。", null,
        customer ?? new CustomerInput("张敏", "13812345678", "zhang.min@example.cn", null, null),
        product ?? new ProductInput("SO20261123001", "电热水壶 KT-18", "KT18-S", "B2611-01"), CustomerDemand.Exchange, null, null, null, null, null, null);

    /// <summary>Answers with the key itself, so tests read which message was chosen, in neither language.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
