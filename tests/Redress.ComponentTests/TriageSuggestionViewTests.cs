using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Domain.Cases;
using Redress.Domain.Organisation;
using Redress.Domain.Triage;
using Redress.Features.Reference;
using Redress.Features.Triage;

namespace Redress.ComponentTests;

/// <summary>A triage suggestion as people read it (R-CL-3): what, how sure, and why, in their language.</summary>
public sealed class TriageSuggestionViewTests : IDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    private static readonly ReferenceData.Snapshot Refs = new(
        new Dictionary<int, Department>(),
        new Dictionary<int, Category>
        {
            [4] = new() { Id = 4, Code = "Q-SAFETY", NameZh = "安全隐患", NameEn = "Safety hazard", ParentId = 1 },
            [9] = new() { Id = 9, Code = "Q-DEFECT", NameZh = "功能故障", NameEn = "Defect or malfunction", ParentId = 1 },
        },
        DateTimeOffset.UnixEpoch);

    private static readonly TriageSuggestion Fire = new(
        new CategorySuggestion(4, 0.84, SuggestionSource.Rule, "安全事故", [new Cue(CueKind.Keyword, "起火"), new Cue(CueKind.Keyword, "冒烟")]),
        [new CategorySuggestion(9, 0.2, SuggestionSource.Rule, "功能故障 Defect", [])],
        new GradeSuggestion(2, 0.84, "安全事故", [new Cue(CueKind.Keyword, "起火")], Applied: true),
        [
            new FlagSuggestion(CaseFlags.Escalated, 0.84, SuggestionSource.Rule, "安全事故", [new Cue(CueKind.Keyword, "起火")], Applied: true),
            new FlagSuggestion(CaseFlags.SuspectedMalicious, 0.6, SuggestionSource.ContactFrequency, ContactFrequency.RuleName, [new Cue(CueKind.ContactCount, "24", 5)], Applied: false),
        ],
        new SentimentReading(-0.82, AngerLevel.Furious, 0.83, [new Cue(CueKind.Negative, "非常差"), new Cue(CueKind.Exclamation, "!", 3)]),
        [], []);

    public TriageSuggestionViewTests()
    {
        _ctx.Services.AddLocalization();
        MudBlazor.Services.ServiceCollectionExtensions.AddMudServices(_ctx.Services);
        _ctx.Services.AddSingleton<IStringLocalizer<Ui>>(sp => new StringLocalizer<Ui>(sp.GetRequiredService<IStringLocalizerFactory>()));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Use("en");
    }

    private IRenderedComponent<TriageSuggestionView> Render(TriageSuggestion s) =>
        _ctx.Render<TriageSuggestionView>(p => p.Add(x => x.Suggestion, s).Add(x => x.Refs, Refs));

    [Fact]
    public void TheCategory_ShowsItsName_Confidence_Source_AndKeywords_WithTheAlternatives()
    {
        var category = Render(Fire).Find("[data-testid=triage-category]");

        Assert.Contains("Safety hazard", category.TextContent, StringComparison.Ordinal);
        Assert.Contains("84%", category.TextContent, StringComparison.Ordinal);
        Assert.Contains("keyword rule", category.TextContent, StringComparison.Ordinal);
        Assert.Equal(["起火", "冒烟"], category.QuerySelectorAll(".cue-keyword").Select(c => c.TextContent));
        Assert.Contains("Or: Defect or malfunction 20%", category.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatARuleApplied_IsMarked_AndASuspicion_AsksForAPersonToVerify()
    {
        var cut = Render(Fire);

        Assert.NotNull(cut.Find("[data-testid=triage-grade] [data-testid=triage-applied]"));
        Assert.NotNull(cut.Find("[data-testid=triage-flag-Escalated] [data-testid=triage-applied]"));
        var suspected = cut.Find("[data-testid=triage-flag-SuspectedMalicious]");
        Assert.Empty(suspected.QuerySelectorAll("[data-testid=triage-applied]"));
        Assert.Contains("verified by a person", suspected.QuerySelector("[data-testid=triage-verify]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 complaints from this contact within 24 h", suspected.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSentiment_ShowsTheScore_TheAngerLevel_AndTheFeaturesCounted()
    {
        var sentiment = Render(Fire).Find("[data-testid=triage-sentiment]");

        Assert.Contains("-0.82", sentiment.TextContent, StringComparison.Ordinal);
        Assert.Equal("Furious", sentiment.QuerySelector("[data-testid=triage-anger]")!.TextContent);
        Assert.Contains("Exclamation marks ×3", sentiment.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void InChinese_TheSameSuggestionReadsInChinese()
    {
        Use("zh-CN");
        var cut = Render(Fire);

        Assert.Contains("安全隐患", cut.Find("[data-testid=triage-category]").TextContent, StringComparison.Ordinal);
        Assert.Contains("该联系方式 24 小时内投诉 5 次", cut.Find("[data-testid=triage-flag-SuspectedMalicious]").TextContent, StringComparison.Ordinal);
        Assert.Equal("极度愤怒", cut.Find("[data-testid=triage-anger]").TextContent);
    }

    [Fact]
    public void WithoutACategory_ItSaysSo()
    {
        var cut = Render(Fire with { Category = null, Alternatives = [] });
        Assert.Equal("No category suggested.", cut.Find("[data-testid=triage-no-category]").TextContent);
    }

    private static void Use(string culture) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = _culture;
        _ctx.Dispose();
    }
}
