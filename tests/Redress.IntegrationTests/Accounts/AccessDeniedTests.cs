using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Redress.Features.Accounts;
using Redress.Features.Admin;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Accounts;

/// <summary>
/// A signed-in user without the page's role gets a readable 403 page in their language, not the sign-in
/// page; a signed-out visitor still goes to sign in.
/// </summary>
public abstract class AccessDeniedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Theory]
    [InlineData("agent", "/overview")]
    [InlineData("auditor", "/approvals")]
    [InlineData("handler", "/admin/users")]
    [InlineData("norole", "/overview")]
    [InlineData("norole", "/approvals")]
    [InlineData("norole", "/admin/users")]
    public async Task AWrongRole_GetsA403Page_WithTheWayHome(string user, string page)
    {
        using var browser = await SignedInBrowserAsync(user);

        var refused = await browser.GetAsync(page, Test.Ct);
        var location = refused.Headers.Location is { } l ? new Uri(browser.BaseAddress!, l).PathAndQuery : "";
        var shown = await browser.GetAsync(location, Test.Ct);
        var html = await shown.Content.ReadAsStringAsync(Test.Ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/access-denied", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Contains("Access denied", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"access-denied-home\"", html, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(page), html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccessDeniedPage_SpeaksChinese_ToAChineseBrowser()
    {
        using var browser = await SignedInBrowserAsync("norole", "zh-CN");

        var shown = await browser.GetAsync("/access-denied?ReturnUrl=%2Foverview", Test.Ct);

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        var html = WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync(Test.Ct));
        Assert.Contains("无权访问", html, StringComparison.Ordinal);
        Assert.Contains("无角色", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/overview")]
    [InlineData("/approvals")]
    [InlineData("/admin/users")]
    [InlineData("/access-denied")]
    public async Task SignedOut_GoesToSignIn(string page)
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.GetAsync(page, Test.Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TheRightRole_OpensThePage()
    {
        using var browser = await SignedInBrowserAsync("executive");

        var response = await browser.GetAsync("/approvals", Test.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A cookie sign-in, as the browser's; "norole" is an account whose roles were all taken away.</summary>
    private async Task<HttpClient> SignedInBrowserAsync(string user, string language = "en")
    {
        app.RequireDatabase();
        if (user == "norole")
        {
            await app.OnceAsync("norole", async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                return await Seeding.CreateUserAsync(users, "norole", "No Role", "en", RedressApp.Password, [], []);
            });
        }
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var signedIn = await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = RedressApp.Password }, Test.Ct);
        await Expect.StatusAsync(signedIn, HttpStatusCode.OK);
        return browser;
    }
}

public sealed class AccessDeniedOnSqlite(SqliteApp app) : AccessDeniedTests<SqliteApp>(app);

public sealed class AccessDeniedOnPostgres(PostgresApp app) : AccessDeniedTests<PostgresApp>(app);
