using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Redress.Components;
using Redress.Features.Cases;
using Redress.Features.Portal;
using Redress.Web;

namespace Redress.ComponentTests;

/// <summary>Component logic (bUnit): what a component shows and what it does with input, without a browser.</summary>
public sealed class ComponentsTests : IDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public ComponentsTests()
    {
        _ctx.Services.AddLocalization();
        MudBlazor.Services.ServiceCollectionExtensions.AddMudServices(_ctx.Services);
        _ctx.Services.AddSingleton<IStringLocalizer<Ui>>(sp => new StringLocalizer<Ui>(sp.GetRequiredService<IStringLocalizerFactory>()));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Use("en");
    }

    [Fact]
    public void RatingFields_SetTheScoresOnTheInput_AndShowTheirErrors()
    {
        var input = new ActionInput();
        var cut = _ctx.Render<RatingFields>(p => p
            .Add(x => x.Input, input)
            .Add(x => x.Errors, new Dictionary<string, string> { ["Overall"] = "Required." }));

        Assert.Equal(5, cut.FindAll(".rating-row").Count);
        Assert.Contains("Response speed", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Required.", cut.Find(".rating-row:last-child .validation-message").TextContent);
    }

    [Fact]
    public void PortalFieldError_ShowsOnlyTheMessageOfItsField()
    {
        var errors = new Dictionary<string, string> { ["Phone"] = "Give a phone number." };

        var phone = _ctx.Render<PortalFieldError>(p => p.Add(x => x.Errors, errors).Add(x => x.Field, "Phone"));
        var email = _ctx.Render<PortalFieldError>(p => p.Add(x => x.Errors, errors).Add(x => x.Field, "Email"));

        Assert.Equal("Give a phone number.", phone.Find("[data-testid=error-Phone]").TextContent);
        Assert.Empty(email.Markup.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "lang-zh-CN")]
    [InlineData("en", "lang-en")]
    public void LanguageSwitch_MarksTheCurrentLanguage_AndComesBackToThisPage(string culture, string current)
    {
        Use(culture);
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/7?tab=files");

        var cut = _ctx.Render<Components.Layout.LanguageSwitch>();

        var links = cut.FindAll("a");
        Assert.Equal(2, links.Count);
        Assert.Equal("true", cut.Find($"[data-testid={current}]").GetAttribute("aria-current"));
        Assert.Single(links, a => a.GetAttribute("aria-current") == "true");
        Assert.Equal("/culture?c=en&returnUrl=%2Fcases%2F7%3Ftab%3Dfiles", cut.Find("[data-testid=lang-en]").GetAttribute("href"));
    }

    [Fact]
    public void UserTime_ShowsUtcTimesInTheViewersZone_AndFallsBackForUnknownZones()
    {
        var summer = new DateTime(2026, 7, 1, 0, 30, 0, DateTimeKind.Utc);
        var winter = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc);

        Assert.Equal("2026-07-01 08:30", UserTime.For("Asia/Shanghai", "UTC").Format(summer));
        Assert.Equal("2026-07-01 01:30", UserTime.For("Europe/London", "UTC").Format(summer));   // British Summer Time
        Assert.Equal("2026-01-01 00:30", UserTime.For("Europe/London", "UTC").Format(winter));
        Assert.Equal("2026-07-01 08:30", UserTime.For("Mars/Olympus", "Asia/Shanghai").Format(summer));
    }

    private static void Use(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = _culture;
        _ctx.Dispose();
    }
}
