using Redress.Features.Triage.Learning;

namespace Redress.UnitTests.Triage;

public sealed class LabelledFileTests
{
    [Fact]
    public void Csv_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var csv = "id,text,label\r\n1,\"late, again\",L\r\n2,\"she said \"\"no\"\"\nand hung up\",S\r\n3,plain,Q\r\n";

        var rows = LabelledFile.ReadCsv(new StringReader(csv), "text", "label");

        Assert.Equal([new("late, again", "L"), new("she said \"no\"\nand hung up", "S"), new("plain", "Q")], rows);
    }

    [Fact]
    public void Csv_WithByteOrderMarkAndCaseInsensitiveHeader_FindsTheColumns()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "Label,Review\n1,好吃\n0,太慢了\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var rows = LabelledFile.Read(path, "review", "label");

        Assert.Equal([new("好吃", "1"), new("太慢了", "0")], rows);
        File.Delete(path);
    }

    [Fact]
    public void Csv_RowsWithoutTextOrLabel_AreSkipped()
    {
        var rows = LabelledFile.ReadCsv(new StringReader("text,label\n,A\nsomething,\nkept,B\nshort\n"), "text", "label");

        Assert.Equal([new("kept", "B")], rows);
    }

    [Fact]
    public void Csv_UnknownColumn_SaysWhichColumnsThereAre()
    {
        var e = Assert.Throws<FormatException>(() => LabelledFile.ReadCsv(new StringReader("a,b\n1,2\n"), "text", "b"));

        Assert.Contains("\"text\"", e.Message);
        Assert.Contains("a, b", e.Message);
    }

    [Fact]
    public void CsvRows_LastLineWithoutNewlineAndEmptyFields_AreRead()
    {
        var rows = CsvRows.Read(new StringReader("a,,c\n\"\",x,")).ToList();

        Assert.Equal([["a", "", "c"], ["", "x", ""]], rows);
    }

    [Fact]
    public void JsonLines_ReadsStringAndNumberLabels_AndSkipsBlankLines()
    {
        var jsonl = "{\"text\":\"送餐太慢\",\"label\":0}\n\n{\"text\":\"Rude agent\",\"label\":\"SERVICE\",\"extra\":true}\n{\"text\":\"no label\"}\n";

        var rows = LabelledFile.ReadJsonLines(new StringReader(jsonl), "text", "label");

        Assert.Equal([new("送餐太慢", "0"), new("Rude agent", "SERVICE")], rows);
    }

    [Fact]
    public void JsonLines_BrokenLine_NamesTheLine()
    {
        var e = Assert.Throws<FormatException>(() => LabelledFile.ReadJsonLines(new StringReader("{\"text\":\"a\",\"label\":\"b\"}\n{oops\n"), "text", "label"));

        Assert.StartsWith("Line 2", e.Message);
    }
}
