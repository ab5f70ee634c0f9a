using System.Xml.Linq;

namespace Redress.UnitTests.Ui;

/// <summary>Every UI string exists in both languages (issue 3: the language switch turns every visible string).</summary>
public sealed class UiTextTests
{
    private static readonly string Components = Path.Combine(RepoRoot(), "src", "Redress", "Components");

    [Fact]
    public void EnglishAndChinese_HaveTheSameKeys_AndNoEmptyText()
    {
        var english = Strings("Ui.resx");
        var chinese = Strings("Ui.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(english.Concat(chinese), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void EveryEnumTheUiNames_HasItsStrings()
    {
        var keys = Strings("Ui.resx").Keys.ToHashSet();
        string[] expected =
        [
            .. Enum.GetNames<Redress.Domain.Cases.CaseStatus>().Select(n => $"CaseStatus.{n}"),
            .. Enum.GetNames<Redress.Domain.Cases.Channel>().Select(n => $"Channel.{n}"),
            .. Enum.GetNames<Redress.Domain.Cases.TimelineEvent>().Select(n => $"Event.{n}"),
            .. Enum.GetNames<Redress.Domain.Cases.CaseAction>().Select(n => $"Action.{n}"),
            .. Enum.GetNames<Redress.Domain.Cases.Role>().Select(n => $"Role.{n}"),
            .. Enum.GetNames<Redress.Domain.Cases.CustomerDemand>().Select(n => $"Demand.{n}"),
            .. Enum.GetNames<Redress.Domain.Cases.CaseFlags>().Where(n => n != "None").Select(n => $"Flag.{n}"),
        ];
        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing UI strings: " + string.Join(", ", missing));
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(Components, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Redress.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Redress.slnx not found above the test output.");
    }
}
