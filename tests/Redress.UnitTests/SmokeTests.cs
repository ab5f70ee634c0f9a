using Redress.Domain.Cases;

namespace Redress.UnitTests;

public sealed class CaseNumberFormatTests
{
    [Fact]
    public void Format_Default_IsDateChannelSerial() =>
        Assert.Equal("20261123-TEL-0007", new CaseNumberFormat(CaseNumberFormat.Default).Format(new DateOnly(2026, 11, 23), Channel.Phone, 7));
}
