using Redress.Domain.Cases;

namespace Redress.UnitTests.Cases;

public sealed class ReplyTemplateTests
{
    [Fact]
    public void Fill_ReplacesEachPlaceholder_AndEmptiesOnesWithoutAValue()
    {
        var text = ReplyTemplate.Fill("尊敬的{customer}，您的投诉 {number}（{subject}）由{agent}跟进。",
            new Dictionary<string, string?> { ["customer"] = "张敏", ["number"] = "20261201-TEL-0001", ["subject"] = null, ["agent"] = "王丽" });

        Assert.Equal("尊敬的张敏，您的投诉 20261201-TEL-0001（）由王丽跟进。", text);
    }

    [Theory]
    [InlineData("Dear {customer}, about {number}: {subject}. {agent}", null)]
    [InlineData("Braces {} and { spaced } are text", null)]
    [InlineData("Dear {custmer}", "unknown_placeholder")]
    public void CheckText_RefusesPlaceholdersThePageWouldNotFill(string text, string? code) =>
        Assert.Equal(code, ReplyTemplate.CheckText(text)?.Code);
}
