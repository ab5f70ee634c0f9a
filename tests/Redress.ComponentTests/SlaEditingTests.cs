using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Redress.Components;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Sla;

namespace Redress.ComponentTests;

/// <summary>Editing a profile's policies on /admin/sla: the draft's rules (order, catch-all) and the policy editor's controls.</summary>
public sealed class SlaEditingTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public SlaEditingTests()
    {
        _ctx.Services.AddLocalization();
        MudBlazor.Services.ServiceCollectionExtensions.AddMudServices(_ctx.Services);
        _ctx.Services.AddSingleton<IStringLocalizer<Ui>>(sp => new StringLocalizer<Ui>(sp.GetRequiredService<IStringLocalizerFactory>()));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
    }

    /// <summary>The internal preset as the API reads it: major-1, major, general (grade 3), minor (catch-all).</summary>
    private static SlaProfileItem Internal()
    {
        var p = SlaPresets.Internal();
        return new SlaProfileItem(1, p.Code, p.NameZh, p.NameEn, true, p.CalendarCode, p.WarnAtPercent, p.EscalateAfterMinutes, p.Policies, p.Extensions, p.Buckets, 3);
    }

    [Fact]
    public void ANewPolicy_GoesAboveTheCatchAll_AndMovesWithinTheOrderOnly()
    {
        var draft = ProfileDraft.From(Internal());

        var added = draft.Add();
        draft.Move(added, -1);
        draft.Move(draft.Policies[0], -1);
        draft.Move(draft.Policies[^1], 1);

        Assert.Equal(["major-1", "major", "policy-1", "general", "minor"], draft.Policies.Select(p => p.Key));
        Assert.Equal("new-1", added.Slot);
        Assert.Equal([1], added.Grades);
        Assert.False(added.MatchesEverything);
        Assert.True(draft.Policies[^1].MatchesEverything);
    }

    [Fact]
    public void TheRules_CarryTheMatchCriteria_TheOrder_AndTheUntouchedBuckets()
    {
        var profile = Internal();
        var draft = ProfileDraft.From(profile);
        var general = draft.Policies.Single(p => p.Key == "general");
        general.Channels.Add(Channel.Phone);
        general.SetFlag(CaseFlags.Repeat, true);
        general.CategoryIds = [7, 3, 7];
        general.Targets.RemoveAll(t => t.Target == SlaTarget.FirstContact);
        general.AddTarget(SlaTarget.CustomerUpdate);
        draft.Remove(draft.Policies.Single(p => p.Key == "major-1"));

        var rules = draft.ToRules();

        Assert.Equal(["major", "general", "minor"], rules.Policies.Select(p => p.Key));
        var match = rules.Policies[1].Match!;
        Assert.Equal(([3], CaseFlags.Repeat, [3, 7], [Channel.Phone]), (match.Grades!, match.AnyFlags, match.CategoryIds!, match.Channels!), new MatchComparer());
        Assert.Equal([SlaTarget.Acknowledgement, SlaTarget.InitialPlan, SlaTarget.CustomerUpdate, SlaTarget.Resolution], rules.Policies[1].Targets.Select(t => t.Target));
        Assert.Equal(profile.Buckets.Select(b => b.Key), rules.Buckets!.Select(b => b.Key));
        Assert.Equal(profile.Extensions.Count, rules.Extensions!.Count);
    }

    [Fact]
    public void PolicyEditor_TicksGradesAndChannels_AndWarnsWhenTheLastPolicyNarrows()
    {
        _ctx.Render<MudPopoverProvider>();
        var policy = ProfileDraft.From(Internal()).Policies[^1];

        var cut = _ctx.Render<PolicyEditor>(p => p.Add(x => x.Policy, policy).Add(x => x.Position, 4).Add(x => x.IsLast, true));
        Assert.Empty(cut.FindAll("[data-testid=not-catch-all-minor]"));
        cut.FindAll("[data-testid=grades-minor] input")[1].Change(true);
        cut.FindAll("[data-testid=channels-minor] input")[0].Change(true);

        Assert.Equal([2], policy.Grades);
        Assert.Equal([Channel.Phone], policy.Channels);
        Assert.Contains("must apply to every case", cut.Find("[data-testid=not-catch-all-minor]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=move-down-minor]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=move-up-minor]").HasAttribute("disabled"));
    }

    [Fact]
    public void PolicyEditor_RemovesATarget_AndOffersItAgain()
    {
        _ctx.Render<MudPopoverProvider>();
        var policy = ProfileDraft.From(Internal()).Policies.Single(p => p.Key == "general");
        var cut = _ctx.Render<PolicyEditor>(p => p.Add(x => x.Policy, policy).Add(x => x.Position, 3));

        cut.Find("[data-testid=remove-target-general-InitialPlan]").Click();

        Assert.DoesNotContain(policy.Targets, t => t.Target == SlaTarget.InitialPlan);
        Assert.Empty(cut.FindAll("#amount-general-InitialPlan"));
        Assert.Contains(SlaTarget.InitialPlan, policy.MissingTargets);
        Assert.NotEmpty(cut.FindAll("[data-testid=add-target-general]"));
    }

    private sealed class MatchComparer : IEqualityComparer<(List<int>, CaseFlags, List<int>, List<Channel>)>
    {
        public bool Equals((List<int>, CaseFlags, List<int>, List<Channel>) x, (List<int>, CaseFlags, List<int>, List<Channel>) y) =>
            x.Item1.SequenceEqual(y.Item1) && x.Item2 == y.Item2 && x.Item3.SequenceEqual(y.Item3) && x.Item4.SequenceEqual(y.Item4);
        public int GetHashCode((List<int>, CaseFlags, List<int>, List<Channel>) obj) => obj.Item1.Count;
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = _culture;
        await _ctx.DisposeAsync();
    }
}
