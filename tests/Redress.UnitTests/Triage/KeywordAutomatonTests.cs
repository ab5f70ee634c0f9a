using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>Aho-Corasick: every word in one pass; English whole words, Chinese anywhere.</summary>
public sealed class KeywordAutomatonTests
{
    private static List<string> Found(KeywordAutomaton words, string text)
    {
        var hits = new List<KeywordHit>();
        words.Scan(text.ToLowerInvariant(), hits);
        return [.. hits.Select(h => words.WordOf(h.Entry))];
    }

    [Fact]
    public void Scan_FindsOverlappingAndNestedWords_InOnePass()
    {
        var words = new KeywordAutomaton(["起火", "火灾", "电水壶起火", "壶"]);

        Assert.Equal(["壶", "火灾", "电水壶起火", "起火"], Found(words, "电水壶起火灾").Order());
    }

    [Theory]
    [InlineData("I will sue you", true)]
    [InlineData("There is an issue with my bill", false)]
    [InlineData("They pursue payment", false)]
    [InlineData("SUE!", true)]
    [InlineData("我要sue你们", true)]
    public void EnglishWords_MatchWholeWordsOnly(string text, bool found) =>
        Assert.Equal(found, Found(new KeywordAutomaton(["sue"]), text).Count == 1);

    [Theory]
    [InlineData("My son was injured", true)]
    [InlineData("a serious injury", true)]
    [InlineData("he was uninjured", false)]
    public void TrailingStar_MatchesAnyEnding_ButStillStartsAWord(string text, bool found) =>
        Assert.Equal(found, Found(new KeywordAutomaton(["injur*"]), text).Count == 1);

    [Fact]
    public void Phrases_MatchAcrossSpaces()
    {
        Assert.Single(Found(new KeywordAutomaton(["caught fire"]), "The kettle CAUGHT FIRE last night"));
        Assert.Empty(Found(new KeywordAutomaton(["caught fire"]), "caught firewood"));
    }

    [Fact]
    public void LongestLeftmost_KeepsTheLongerWordOfAnOverlap()
    {
        var words = new KeywordAutomaton(["不", "满意", "不满意", "非常"]);
        var hits = new List<KeywordHit>();
        words.Scan("非常不满意", hits);

        Assert.Equal(["非常", "不满意"], KeywordAutomaton.LongestLeftmost(hits).Select(h => words.WordOf(h.Entry)));
    }

    [Fact]
    public void ManyWords_AreFoundTogether()
    {
        var vocabulary = Enumerable.Range(0, 2_000).Select(i => $"w{i:0000}").ToList();
        var words = new KeywordAutomaton(vocabulary);

        Assert.Equal(["w0007", "w1999", "w0500"], Found(words, "w0007 and w1999, then w0500 but not w20000"));
    }
}
