using Redress.Features.Triage.Learning;

namespace Redress.UnitTests.Triage;

public sealed class TextGramsTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３！", "abc000!")]
    [InlineData("  Order\tSO-2026  late\r\n", "order so-0000 late")]
    [InlineData("\uFEFF质量差，退货", "质量差,退货")]
    public void Normalize_FoldsWidthCaseDigitsAndSpace(string text, string expected) => Assert.Equal(expected, TextGrams.Normalize(text));

    [Fact]
    public void Chinese_CharactersAreTokens_WithNgramsUpToTheLimit() =>
        Assert.Equal(["质", "质量", "质量差", "量", "量差", "差"], TextGrams.All("质量差", new GramShape(3, 2, 0)));

    [Fact]
    public void English_WordsAreTokens_WithBigrams() =>
        Assert.Equal(["no", "no refund", "refund"], TextGrams.All("No refund", new GramShape(4, 2, 0)));

    [Fact]
    public void Mixed_WordAndCharacterNgrams_UseTheWordLimitOnceAWordIsIn() =>
        // "买 iphone" is a two-token gram with a word in it, allowed by WordNgrams = 2; a third token is not.
        Assert.Equal(["买", "买 iphone", "iphone", "iphone 坏", "坏"], TextGrams.All("买iPhone坏", new GramShape(3, 2, 0)));

    [Fact]
    public void Subwords_AreMarkedCharacterNgramsInsideWords() =>
        Assert.Equal(["#<fe", "#fee", "#ee>", "fee"], TextGrams.All("fee", new GramShape(1, 1, 3)));

    [Theory]
    [InlineData("快递", true)]
    [InlineData("refund", true)]
    [InlineData("no refund", true)]
    [InlineData("#<re", false)]
    [InlineData("!!", false)]
    [InlineData("00", false)]
    public void Readable_GramsAreWordsOfTheText_NotPiecesOrPunctuation(string gram, bool readable) =>
        Assert.Equal(readable, TextGrams.IsReadable(gram));
}
