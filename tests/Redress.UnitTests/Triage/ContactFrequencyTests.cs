using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.UnitTests.Triage;

/// <summary>R-CL-6: many complaints from one contact in a short time: suspected, for a person to verify.</summary>
public sealed class ContactFrequencyTests
{
    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(9, true)]
    public void TheFlag_IsSuggestedFromTheThresholdOn_CountingTheNewComplaint(int earlier, bool flagged)
    {
        var rule = new ContactFrequency { Threshold = 5, WithinHours = 24 };

        var flag = rule.Judge(earlier);

        Assert.Equal(flagged, flag is not null);
        if (flag is null) return;
        Assert.Equal((CaseFlags.SuspectedMalicious, SuggestionSource.ContactFrequency, false), (flag.Flag, flag.Source, flag.Applied));
        var cue = Assert.Single(flag.Cues);
        Assert.Equal((CueKind.ContactCount, earlier + 1, "24"), (cue.Kind, cue.Count, cue.Text));
    }

    [Fact]
    public void TheSuspicionGrows_PastTheThreshold()
    {
        var rule = new ContactFrequency();
        Assert.True(rule.Judge(9)!.Confidence > rule.Judge(4)!.Confidence);
    }

    [Fact]
    public void ByDefault_ItOnlySuggests_AndConfiguredToApply_ItJoinsTheAppliedRules()
    {
        var suggestion = TestTriage.Suggest("快递延误还没到");

        var suggested = new ContactFrequency().AddTo(suggestion, 4);
        var applied = new ContactFrequency { Apply = true }.AddTo(suggestion, 4);

        Assert.Empty(suggested.Applied);
        Assert.True(suggested.SuggestedFlags.HasFlag(CaseFlags.SuspectedMalicious));
        Assert.Equal((ContactFrequency.RuleName, CaseFlags.SuspectedMalicious), (Assert.Single(applied.Applied).Name, applied.Applied[0].Flags));
        Assert.Same(suggestion, new ContactFrequency().AddTo(suggestion, 0));
    }
}
