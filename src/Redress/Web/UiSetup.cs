using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Redress.Components;
using Redress.Features.Accounts;

namespace Redress.Web;

/// <summary>The Blazor UI: interactive server components, MudBlazor, zh-CN and English.</summary>
public static class UiSetup
{
    /// <summary>zh-CN first: the default when the browser asks for neither.</summary>
    public static readonly string[] Cultures = ["zh-CN", "en"];

    /// <summary>The cookie the browser's script writes with its IANA time zone (Intl API).</summary>
    public const string TimeZoneCookie = "redress.tz";

    public static WebApplicationBuilder AddRedressUi(this WebApplicationBuilder builder)
    {
        // Component libraries' files (MudBlazor's CSS and JS) are found through the build's manifest in every
        // environment, not only Development: `dotnet run` and the test servers run as Production.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            // "zh", "zh-Hans", "zh-TW" … all fall back to the one Chinese we have.
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders.Insert(0, new ChineseAliasProvider());
        });
        return builder;
    }

    public static WebApplication MapRedressUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // The language switch: a cookie read by request localization on every later request and circuit.
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Contains(c)) return Results.BadRequest();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Only paths of this site: an open redirect would let a link on another site bounce through ours.</summary>
    public static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    /// <summary>Maps every Chinese the browser names (zh, zh-Hans-CN, zh-SG …) to zh-CN before Accept-Language is read.</summary>
    private sealed class ChineseAliasProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (httpContext.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)) return NullProviderCultureResult;
            var first = httpContext.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
            var tag = first?.Value.Value;
            return Task.FromResult(tag is not null && tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                ? new ProviderCultureResult("zh-CN")
                : tag is not null && tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? new ProviderCultureResult("en") : null);
        }
    }
}

/// <summary>The viewer's time zone: dates and times on every page are shown in it.</summary>
public sealed record UserTime(TimeZoneInfo Zone)
{
    public static UserTime For(string? ianaId, string fallbackId) =>
        new(ianaId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(fallbackId));

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Format(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Format(DateTime? utc) => utc is { } u ? Format(u) : "";
}
