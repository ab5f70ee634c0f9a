using System.Xml.Linq;
using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

public sealed class TriageTextTests
{
    [Theory]
    [InlineData("电水壶起火", true, false)]
    [InlineData("The kettle caught fire", false, true)]
    [InlineData("iPhone 手机起火", true, false)]
    [InlineData("空调漏水 / AC leaking, water on the floor since day two", true, true)]
    public void Languages_AreThoseTheTextIsWrittenIn(string text, bool chinese, bool english)
    {
        var t = TriageText.Of(text);
        Assert.Equal((chinese, english), (t.HasChinese, t.HasLatin));
    }

    [Fact]
    public void FullWidthLettersAndDigits_ReadAsAscii_AndTypographicApostrophes_AsAscii()
    {
        var t = TriageText.Of("ＣＦＰＢ １２３１５ don’t");
        Assert.Equal("cfpb 12315 don't", t.Lower);
        Assert.Equal(t.Folded.Length, t.Lower.Length);
    }

    [Fact]
    public void EveryTriageEnumThePageNames_HasItsStrings()
    {
        var keys = XDocument.Load(Path.Combine(RepoRoot(), "src", "Redress", "Components", "Ui.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();
        string[] expected =
        [
            .. Enum.GetNames<CueKind>().Select(n => $"Cue.{n}"),
            .. Enum.GetNames<SuggestionSource>().Select(n => $"Triage.Source.{n}"),
            .. Enum.GetNames<AngerLevel>().Select(n => $"Anger.{n}"),
            .. Enum.GetNames<TriageLanguage>().Select(n => $"TriageLanguage.{n}"),
            .. Enum.GetNames<MatchKind>().Select(n => $"MatchKind.{n}"),
        ];
        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing UI strings: " + string.Join(", ", missing));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Redress.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Redress.slnx not found above the test output.");
    }
}
