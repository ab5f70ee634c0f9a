using Redress.Domain.Routing;

namespace Redress.UnitTests.Routing;

/// <summary>回避: when a complaint's text names a staff member.</summary>
public sealed class RecusalTests
{
    [Theory]
    [InlineData("客服李强态度恶劣，挂我电话", "李强 Li Qiang", true)]
    [InlineData("The agent Li Qiang hung up on me", "李强 Li Qiang", true)]
    [InlineData("the agent li qiang was rude", "李强 Li Qiang", true)]
    [InlineData("Emma Clark never called back.", "Emma Clark", true)]
    [InlineData("Emma never called back.", "Emma Clark", false)]
    [InlineData("The annual fee is wrong", "Ann", false)]
    [InlineData("Ann was rude", "Ann", true)]
    [InlineData("王先生说快递没到", "王", false)]
    [InlineData("快递员把包裹扔在门口", "李强 Li Qiang", false)]
    public void Mentions_FindsTheChineseOrLatinName(string text, string displayName, bool mentioned) =>
        Assert.Equal(mentioned, Recusal.Mentions(text, displayName));

    [Fact]
    public void NamesOf_SplitsABilingualDisplayName()
    {
        Assert.Equal(["李强", "Li Qiang"], Recusal.NamesOf("李强 Li Qiang"));
        Assert.Equal(["Emma Clark"], Recusal.NamesOf("Emma Clark"));
        Assert.Empty(Recusal.NamesOf("X"));
    }
}
