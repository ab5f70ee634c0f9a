using Redress.Domain.Cases;

namespace Redress.UnitTests.Cases;

/// <summary>R-IN-2: readable case numbers from a configurable template (ADR 0003).</summary>
public sealed class CaseNumberFormatTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public void Format_WithTheDefaultTemplate_IsDateChannelAndFourDigitSerial() =>
        Assert.Equal("20261123-TEL-0007", new CaseNumberFormat(CaseNumberFormat.Default).Format(Day, Channel.Phone, 7));

    [Fact]
    public void Format_WhenSerialOutgrowsItsDigits_KeepsAllDigits() =>
        Assert.Equal("20261123-WEB-12345", new CaseNumberFormat(CaseNumberFormat.Default).Format(Day, Channel.Web, 12345));

    [Theory]
    [InlineData(Channel.Phone, "TEL")]
    [InlineData(Channel.Web, "WEB")]
    [InlineData(Channel.Email, "EML")]
    [InlineData(Channel.Letter, "LTR")]
    [InlineData(Channel.Visit, "VIS")]
    [InlineData(Channel.Social, "SOC")]
    [InlineData(Channel.Api, "API")]
    [InlineData(Channel.Import, "IMP")]
    public void Format_WritesTheChannelsThreeLetterCode(Channel channel, string code) =>
        Assert.Equal($"20261123-{code}-0001", new CaseNumberFormat(CaseNumberFormat.Default).Format(Day, channel, 1));

    [Theory]
    [InlineData("TS{date:yyMM}-{serial:000000}", "TS2611-000042")]
    [InlineData("{channel}{serial}", "EML0042")]
    [InlineData("C-{serial:0}", "C-42")]
    [InlineData("{serial:00000}.{date:yyyy}", "00042.2026")]
    [InlineData("投诉-{date}-{serial}", "投诉-20261123-0042")]
    public void Format_WithACustomTemplate_FillsEachToken(string template, string expected) =>
        Assert.Equal(expected, new CaseNumberFormat(template).Format(Day, Channel.Email, 42));

    [Fact]
    public void Template_IsKeptAsGiven() =>
        Assert.Equal("RD-{serial}", new CaseNumberFormat("RD-{serial}").Template);

    [Theory]
    [InlineData(CaseNumberFormat.Default, "20261123|TEL")]
    [InlineData("{date:yyyyMMdd}-{serial}", "20261123|")]
    [InlineData("{date:yyyyMM}-{serial}", "202611|")]
    [InlineData("{channel}-{serial}", "|TEL")]
    [InlineData("RD-{serial:000000}", "|")]
    public void CounterScope_ContainsOnlyTheDateAndChannelTheTemplateUses(string template, string scope) =>
        Assert.Equal(scope, new CaseNumberFormat(template).CounterScope(Day, Channel.Phone));

    [Fact]
    public void CounterScope_WithDateAndChannel_CountsPerDayAndChannel()
    {
        var format = new CaseNumberFormat(CaseNumberFormat.Default);

        Assert.NotEqual(format.CounterScope(Day, Channel.Phone), format.CounterScope(Day, Channel.Web));
        Assert.NotEqual(format.CounterScope(Day, Channel.Phone), format.CounterScope(Day.AddDays(1), Channel.Phone));
    }

    [Fact]
    public void CounterScope_WithoutDateOrChannel_IsOneCounterForever()
    {
        var format = new CaseNumberFormat("RD-{serial:000000}");

        Assert.Equal(format.CounterScope(Day, Channel.Phone), format.CounterScope(Day.AddYears(1), Channel.Web));
    }

    [Theory]
    [InlineData("{date:yyyyMMdd}-{channel}")]
    [InlineData("{date}-{serial}-{serial}")]
    [InlineData("")]
    [InlineData("{serial")]
    [InlineData("{Serial}")]
    public void Constructor_WithoutExactlyOneSerial_IsRejected(string template) =>
        Assert.Throws<ArgumentException>(nameof(template), () => new CaseNumberFormat(template));

    [Theory]
    [InlineData("{date:yyyy/MM/dd}-{serial}")]
    [InlineData("{channel}/{serial}")]
    [InlineData("{channel}?{serial}")]
    [InlineData("#{serial}")]
    public void Constructor_WithCharactersThatBreakAUrl_IsRejected(string template) =>
        Assert.Throws<ArgumentException>(nameof(template), () => new CaseNumberFormat(template));

    [Theory]
    [InlineData("{date:d}-{serial}")]
    [InlineData("{date:M/d}-{serial}")]
    public void Constructor_WithADateFormatThatWritesASlash_IsRejected(string template) =>
        Assert.Throws<ArgumentException>(nameof(template), () => new CaseNumberFormat(template));

    [Theory]
    [InlineData("{date:yyyyMMddHH}-{serial}")]
    [InlineData("{date:t}-{serial}")]
    public void Constructor_WithADateFormatThatNeedsATime_IsRejectedAtOnce(string template) =>
        Assert.Throws<ArgumentException>(nameof(template), () => new CaseNumberFormat(template));
}
