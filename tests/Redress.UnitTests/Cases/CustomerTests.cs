using Redress.Domain.Cases;

namespace Redress.UnitTests.Cases;

/// <summary>R-IN-6: phone keys that find the same customer however the number was written.</summary>
public sealed class CustomerTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+86-138-0013-8000")]
    [InlineData("+8613800138000")]
    [InlineData("8613800138000")]
    [InlineData("0086 138 0013 8000")]
    [InlineData("0086-13800138000")]
    [InlineData("(+86) 138.0013.8000")]
    [InlineData(" 138 0013 8000 ")]
    [InlineData("１３８ ００１３ ８０００")]
    [InlineData("＋８６　１３８－００１３－８０００")]
    public void NormalisePhone_MobileNumberWrittenAnyWay_IsElevenDigits(string phone) =>
        Assert.Equal("13800138000", Customer.NormalisePhone(phone));

    [Theory]
    [InlineData("010-6552 9988", "01065529988")]
    [InlineData("(021) 5012-3456", "02150123456")]
    [InlineData("95588", "95588")]
    [InlineData("+86 10 6552 9988", "01065529988")]
    [InlineData("0086 10 6552 9988", "01065529988")]
    [InlineData("+86 (21) 5012-3456", "02150123456")]
    [InlineData("+44 20 7946 0018", "442079460018")]
    public void NormalisePhone_DomesticNumbers_KeepTheirDigits(string phone, string key) =>
        Assert.Equal(key, Customer.NormalisePhone(phone));

    [Theory]
    [InlineData("86123456")]
    [InlineData("861234567890")]
    public void NormalisePhone_NumberThatMerelyStartsWith86_IsNotCut(string phone) =>
        Assert.Equal(phone, Customer.NormalisePhone(phone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--- ()")]
    [InlineData("n/a")]
    public void NormalisePhone_WithoutDigits_IsNull(string? phone) =>
        Assert.Null(Customer.NormalisePhone(phone));

    [Fact]
    public void NormaliseKeys_SetsPhoneAndEmailKeys()
    {
        var customer = new Customer { Name = "Li Lei", Phone = "0086 138-0013-8000", Email = "  Li.Lei@Example.COM " };

        customer.NormaliseKeys();

        Assert.Equal(("13800138000", "li.lei@example.com"), (customer.PhoneKey, customer.EmailKey));
    }

    [Fact]
    public void NormaliseKeys_WithoutPhoneOrEmail_LeavesKeysNull()
    {
        var customer = new Customer { Name = "Li Lei", Email = " ", Address = "Beijing" };

        customer.NormaliseKeys();

        Assert.Equal((null, null), (customer.PhoneKey, customer.EmailKey));
    }
}
