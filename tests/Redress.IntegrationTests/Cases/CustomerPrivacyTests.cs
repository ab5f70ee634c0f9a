using System.Net;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>R-SEC-2: customer personal data masked for roles that do not contact customers; revealing it is recorded.</summary>
public abstract class CustomerPrivacyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Theory]
    [InlineData("agent")]
    [InlineData("handler")]
    [InlineData("lead")]
    public async Task RolesThatContactCustomers_SeeTheirDetails(string user)
    {
        var kase = await PrivateCaseAsync();

        var (seen, _) = await (await app.SignInAsync(user)).GetCaseAsync(kase.Id);

        Assert.False(seen.Customer.Masked);
        Assert.Equal("13812345678", seen.Customer.Phone);
        Assert.Equal("wang.fang@example.cn", seen.Customer.Email);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("executive")]
    [InlineData("quality")]
    public async Task OtherRoles_SeeThemMasked_InTheCaseAndNowhereWhole(string user)
    {
        var kase = await PrivateCaseAsync();
        var client = await app.SignInAsync(user);

        var (seen, _) = await client.GetCaseAsync(kase.Id);
        var raw = await (await client.GetAsync($"/api/v1/cases/{kase.Id}")).Content.ReadAsStringAsync(Test.Ct);

        Assert.True(seen.Customer.Masked);
        Assert.Equal("138****5678", seen.Customer.Phone);
        Assert.Equal("w***@example.cn", seen.Customer.Email);
        Assert.Equal("王**", seen.Customer.Name);
        Assert.Equal("上海市浦东新****", seen.Customer.Address);
        Assert.DoesNotContain("13812345678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("世纪大道", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auditor", "王**")]
    [InlineData("executive", "王**")]
    [InlineData("agent", "王芳芳")]
    public async Task Lists_AndCustomerHistory_MaskTheNameForTheSameRoles(string user, string expected)
    {
        var kase = await PrivateCaseAsync();
        var client = await app.SignInAsync(user);

        var listed = await client.ListAsync($"q={kase.Number}");
        var history = await client.GetJsonAsync<List<CaseSummary>>("/api/v1/customers/history?phone=13812345678");

        Assert.Equal(expected, Assert.Single(listed.Items).CustomerName);
        Assert.Equal(expected, Assert.Single(history, h => h.Id == kase.Id).CustomerName);
    }

    [Fact]
    public async Task Reveal_ShowsTheWholeData_AndRecordsWhoLooked_WithoutChangingTheVersion()
    {
        var kase = await (await app.SignInAsync("agent")).RegisterAsync(Private().Build());
        var auditor = await app.SignInAsync("auditor");

        var response = await auditor.PostAsync($"/api/v1/cases/{kase.Id}/customer/reveal", new { });
        var shown = await Expect.JsonAsync<CustomerView>(response);
        var (after, _) = await auditor.GetCaseAsync(kase.Id);
        var timeline = await auditor.TimelineAsync(kase.Id);

        Assert.False(shown.Masked);
        Assert.Equal("13812345678", shown.Phone);
        Assert.Equal("上海市浦东新区世纪大道 100 号", shown.Address);
        var me = await auditor.GetJsonAsync<Redress.Features.Accounts.Me>("/api/v1/me");
        var viewed = Assert.Single(timeline, t => t.Event == TimelineEvent.CustomerDataViewed);
        Assert.Equal(me.Id, viewed.ActorId);
        Assert.Equal(kase.Version, after.Version);
        Assert.True(after.Customer.Masked);
    }

    [Fact]
    public async Task Reveal_OfACaseOutsideYourScope_IsNotFound_AndRecordsNothing()
    {
        var kase = await (await app.SignInAsync("agent")).RegisterAsync(Private().LedBy(app.Ids.Logistics).Build());

        var response = await (await app.SignInAsync("handler")).PostAsync($"/api/v1/cases/{kase.Id}/customer/reveal", new { });
        var timeline = await (await app.SignInAsync("agent")).TimelineAsync(kase.Id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(timeline, t => t.Event == TimelineEvent.CustomerDataViewed);
    }

    private static CaseBuilder Private() =>
        A.Case().From(new CustomerInput("王芳芳", "13812345678", "wang.fang@example.cn", "上海市浦东新区世纪大道 100 号", "M-2048"));

    private Task<CaseDetails> PrivateCaseAsync() => app.OnceAsync("private-customer", async () =>
        await (await app.SignInAsync("agent")).RegisterAsync(Private().LedBy(app.Ids.AfterSales).Build()));
}

public sealed class CustomerPrivacyOnSqlite(SqliteApp app) : CustomerPrivacyTests<SqliteApp>(app);

public sealed class CustomerPrivacyOnPostgres(PostgresApp app) : CustomerPrivacyTests<PostgresApp>(app);
