using Redress.Data;

namespace Redress.UnitTests.Data;

/// <summary>One tokenizer for documents and queries on SQLite FTS5 and PostgreSQL (ADR 0004).</summary>
public sealed class SearchTokensTests
{
    [Fact]
    public void ForDocument_ChineseRun_IsOverlappingBigramsPlusTheLastCharacterAsHex() =>
        // 破 U+7834, 损 U+635F
        Assert.Equal("c078340635f c0635f", SearchTokens.ForDocument("破损"));

    [Fact]
    public void ForDocument_LongerChineseRun_HasABigramForEveryNeighbouringPair()
    {
        // 严 U+4E25, 重 U+91CD, 破 U+7834, 损 U+635F
        var tokens = Tokens(SearchTokens.ForDocument("严重破损"));

        Assert.Equal(["c04e25091cd", "c091cd07834", "c078340635f", "c0635f"], tokens);
    }

    [Theory]
    [InlineData("快递包装严重破损，要求退货", "破损")]
    [InlineData("快递包装严重破损，要求退货", "快递")]
    [InlineData("快递包装严重破损，要求退货", "退货")]
    [InlineData("快递包装严重破损，要求退货", "严重破损")]
    [InlineData("快递包装严重破损，要求退货", "快递包装严重破损")]
    [InlineData("iPhone 15 屏幕有划痕", "划痕")]
    [InlineData("Order SO-123: 客户投诉问题未解决", "投诉问题")]
    public void ForQuery_ChineseWordInsideALongerText_IsAPhraseFoundConsecutivelyInTheDocument(string text, string word)
    {
        var document = Tokens(SearchTokens.ForDocument(text));

        var (fts5, tsQuery) = SearchTokens.ForQuery(word)!.Value;

        var phrase = PhraseOf(fts5);
        Assert.Equal(word.Length - 1, phrase.Length);
        Assert.True(ContainsConsecutively(document, phrase), $"{fts5} is not in {string.Join(' ', document)}");
        Assert.Equal("(" + string.Join(" <-> ", phrase) + ")", tsQuery);
    }

    [Theory]
    [InlineData("包装破，损坏了", "破损")]
    [InlineData("损破", "破损")]
    [InlineData("破了又损", "破损")]
    public void ForQuery_ChineseWordWhoseCharactersAreNotAdjacent_IsNotFound(string text, string word)
    {
        var document = Tokens(SearchTokens.ForDocument(text));

        var phrase = PhraseOf(SearchTokens.ForQuery(word)!.Value.Fts5);

        Assert.False(ContainsConsecutively(document, phrase));
    }

    [Fact]
    public void ForQuery_SingleChineseCharacter_IsAPrefix() =>
        Assert.Equal(("c07834*", "c07834:*"), SearchTokens.ForQuery("破"));

    [Theory]
    [InlineData('快')]
    [InlineData('破')]
    [InlineData('损')]
    [InlineData('货')]
    public void ForQuery_SingleChineseCharacter_PrefixMatchesATokenWhereverTheCharacterStands(char character)
    {
        var document = Tokens(SearchTokens.ForDocument("快递破损，要求退货"));

        var prefix = SearchTokens.ForQuery(character.ToString())!.Value.Fts5.TrimEnd('*');

        Assert.Contains(document, t => t.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void ForDocument_EnglishWords_AreLowercasedWithoutDiacritics() =>
        Assert.Equal("cafe delivered naive creme brulee", SearchTokens.ForDocument("Café DELIVERED, naïve Crème-Brûlée!"));

    [Fact]
    public void ForQuery_EnglishWord_IsAPrefixMatch() =>
        Assert.Equal(("deliver*", "deliver:*"), SearchTokens.ForQuery("Deliver"));

    [Fact]
    public void ForQuery_WordWithDiacritics_MatchesTheFoldedDocument() =>
        Assert.Equal(("cafe*", "cafe:*"), SearchTokens.ForQuery("CAFÉ"));

    [Fact]
    public void ForQuery_SingleLetter_IsAnExactMatchNotAPrefix() =>
        Assert.Equal(("x", "x"), SearchTokens.ForQuery("x"));

    [Fact]
    public void ForDocument_FullWidthLettersAndDigits_AreFoldedToHalfWidth() =>
        Assert.Equal("abc123 xyz", SearchTokens.ForDocument("ＡＢＣ１２３　ｘｙｚ"));

    [Fact]
    public void ForQuery_FullWidth_IsTheSameAsHalfWidth() =>
        Assert.Equal(SearchTokens.ForQuery("iphone 15"), SearchTokens.ForQuery("ｉＰｈｏｎｅ　１５"));

    [Fact]
    public void ForQuery_ChineseAndEnglishTogether_AreAllRequired() =>
        Assert.Equal(("\"c078340635f\" AND iphone*", "(c078340635f) & iphone:*"), SearchTokens.ForQuery("破损 iPhone"));

    [Fact]
    public void ForQuery_TwoChineseWords_AreTwoPhrases() =>
        Assert.Equal(("\"c05feb09012\" AND \"c078340635f\"", "(c05feb09012) & (c078340635f)"), SearchTokens.ForQuery("快递 破损"));

    [Fact]
    public void ForDocument_NonAsciiLettersOutsideCjk_AreHexInsideTheWord()
    {
        var document = SearchTokens.ForDocument("Straße");

        Assert.Equal("strau000dfe", document);
        Assert.Equal(("strau000dfe*", "strau000dfe:*"), SearchTokens.ForQuery("straße"));
    }

    [Fact]
    public void ForDocument_KoreanRun_IsBigramsLikeChinese() =>
        // 배 U+BC30, 송 U+C1A1: the syllables, not the jamo they decompose into.
        Assert.Equal("c0bc300c1a1 c0c1a1", SearchTokens.ForDocument("배송"));

    [Fact]
    public void ForDocument_JapaneseKana_IsBigrams() =>
        // カ U+30AB, ト U+30C8
        Assert.Equal("c030ab030c8 c030c8", SearchTokens.ForDocument("カト"));

    [Theory]
    [InlineData("快递包装严重破损，要求退货")]
    [InlineData("Café DELIVERED ＡＢＣ１２３")]
    [InlineData("Straße naïve Ελληνικά русский العربية")]
    [InlineData("배송 지연 カタカナ ひらがな")]
    [InlineData("emoji 😀 and 𠮷野家 (U+20BB7)")]
    [InlineData("tab\tnew\nline\r\n")]
    public void Tokens_AreAsciiOnly(string text)
    {
        Assert.All(SearchTokens.ForDocument(text), c => Assert.True(char.IsAscii(c), $"U+{(int)c:X4} in document"));
        var query = SearchTokens.ForQuery(text)!.Value;
        Assert.All(query.Fts5 + query.TsQuery, c => Assert.True(char.IsAscii(c), $"U+{(int)c:X4} in query"));
    }

    [Fact]
    public void ForDocument_CharacterOutsideTheBasicPlane_IsOneFiveDigitCodePoint() =>
        Assert.Equal("c20bb7", SearchTokens.ForDocument("𠮷"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ...")]
    [InlineData("，。、！？「」")]
    [InlineData("—…·")]
    [InlineData("😀👍")]
    public void ForQuery_WithNothingSearchable_IsNull(string query) =>
        Assert.Null(SearchTokens.ForQuery(query));

    [Fact]
    public void ForDocument_SeveralFields_AreJoinedAndEmptyOnesSkipped() =>
        Assert.Equal("so 123 li lei", SearchTokens.ForDocument("SO-123", null, "", "Li Lei"));

    [Fact]
    public void ForDocument_NothingSearchable_IsEmpty() =>
        Assert.Equal("", SearchTokens.ForDocument(null, "", "，。"));

    private static string[] Tokens(string document) => document.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string[] PhraseOf(string fts5)
    {
        Assert.StartsWith("\"", fts5, StringComparison.Ordinal);
        Assert.EndsWith("\"", fts5, StringComparison.Ordinal);
        return Tokens(fts5.Trim('"'));
    }

    private static bool ContainsConsecutively(string[] document, string[] phrase) =>
        Enumerable.Range(0, document.Length - phrase.Length + 1).Any(i => document.AsSpan(i, phrase.Length).SequenceEqual(phrase));
}
