using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Redress.Domain.Cases;
using Redress.Features.Accounts;
using Redress.Features.Admin;
using Redress.Features.Reference;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Accounts;

/// <summary>Signing in for a bearer token; lockout after five failures (R-SEC-1).</summary>
public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task SignIn_GivesATokenThatCarriesRolesAndDepartments()
    {
        var handler = await app.SignInAsync("handler");

        var me = await handler.GetJsonAsync<Me>("/api/v1/me");

        Assert.Equal(("handler", "李强 Li Qiang"), (me.UserName, me.DisplayName));
        Assert.Equal(["Handler"], me.Roles);
        Assert.Equal([app.Ids.AfterSales], me.DepartmentIds);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_Is401WithAProblem()
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "auditor", password = "wrong-password" }, Test.Ct);
        Assert.Equal("bad_credentials", (await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized)).Code);
    }

    [Fact]
    public async Task AForgedToken_Is401()
    {
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me", Test.Ct)).StatusCode);
    }

    [Fact]
    public async Task ARefreshToken_GivesANewAccessToken_AndAForgedOneIsRefused()
    {
        using var anonymous = app.Anonymous();
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "lead", password = RedressApp.Password }, Test.Ct);
        var tokens = await Expect.JsonAsync<Tokens>(signIn);

        var refreshed = await Expect.JsonAsync<Tokens>(await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { tokens.RefreshToken }, Test.Ct));
        var forged = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { RefreshToken = tokens.RefreshToken[..^4] + "AAAA" }, Test.Ct);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
        Assert.Equal("lead", (await Expect.JsonAsync<Me>(await anonymous.GetAsync("/api/v1/me", Test.Ct))).UserName);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task ABrowserSignIn_SetsAnHttpOnlyCookie_ThatTheApiAccepts()
    {
        app.RequireDatabase();
        using var browser = app.CreateClient();
        var response = await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = "auditor", password = RedressApp.Password }, Test.Ct);

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("redress.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("auditor", (await Expect.JsonAsync<Me>(await browser.GetAsync("/api/v1/me", Test.Ct))).UserName);
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount_SoTheRightPasswordIsRefusedToo()
    {
        const string password = "Lockout-Test-2026";
        var user = await CreateUserAsync("locked.out", password);
        using var anonymous = app.Anonymous();
        Task<HttpResponseMessage> SignIn(string pw) => anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "locked.out", password = pw }, Test.Ct);

        for (var i = 1; i <= 4; i++)
            Assert.Equal("bad_credentials", (await Expect.ProblemAsync(await SignIn($"wrong-{i}"), HttpStatusCode.Unauthorized)).Code);
        await Expect.ProblemAsync(await SignIn("wrong-5"), HttpStatusCode.Unauthorized);
        var sixth = await SignIn(password);

        var problem = await Expect.ProblemAsync(sixth, HttpStatusCode.Unauthorized);
        Assert.Equal("locked_out", problem.Code);
        Assert.Contains("locked", problem.Detail, StringComparison.OrdinalIgnoreCase);

        // An administrator can lift the lock.
        var admin = await app.SignInAsync("admin");
        var unlock = new UserUpdateInput(user.DisplayName, null, [Role.Agent], null, Locked: false);
        await Expect.StatusAsync(await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}", unlock, Json.Options, Test.Ct), HttpStatusCode.OK);
        await Expect.StatusAsync(await SignIn(password), HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailedSignIns_OfOneUser_DoNotLockAnother()
    {
        await CreateUserAsync("unlucky", "Unlucky-Test-2026");
        using var anonymous = app.Anonymous();
        for (var i = 0; i < 6; i++)
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "unlucky", password = "nope" }, Test.Ct);

        Assert.False(string.IsNullOrEmpty(await app.SignInForTokenAsync("quality", RedressApp.Password)));
    }

    private async Task<StaffItem> CreateUserAsync(string userName, string password)
    {
        var admin = await app.SignInAsync("admin");
        var body = new NewUserInput(userName, $"Test {userName}", password, "en", [Role.Agent], null);
        return await Expect.JsonAsync<StaffItem>(await admin.PostAsync("/api/v1/admin/users", body), HttpStatusCode.Created);
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);
