using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>The search box: Chinese and English words, case numbers, phone numbers; and customer history (R-IN-6).</summary>
public abstract class SearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Theory]
    [InlineData("破损")]
    [InlineData("玻璃杯")]
    [InlineData("deliver")]
    [InlineData("DELIVERED")]
    [InlineData("13698765432")]
    [InlineData("周 破损")]
    public async Task Search_FindsTheCase_ByAWordInsideItsText(string query)
    {
        var kase = await SearchedCaseAsync();

        var found = await SearchAsync("agent", query);

        Assert.Contains(kase.Id, found.Select(r => r.Id));
    }

    [Theory]
    [InlineData("潜水艇")]
    [InlineData("submarine")]
    [InlineData("破裂")]
    public async Task Search_DoesNotFindTheCase_ByWordsItDoesNotContain(string query)
    {
        var kase = await SearchedCaseAsync();

        var found = await SearchAsync("agent", query);

        Assert.DoesNotContain(kase.Id, found.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_ByCaseNumberPrefix_FindsOnlyNumbersWithThatPrefix()
    {
        var kase = await SearchedCaseAsync();
        var prefix = kase.Number[..^2];

        var byPrefix = await SearchAsync("agent", prefix);
        var byNumber = await SearchAsync("agent", kase.Number);

        Assert.Contains(kase.Id, byPrefix.Select(r => r.Id));
        Assert.All(byPrefix, r => Assert.StartsWith(prefix, r.Number, StringComparison.Ordinal));
        Assert.Equal(kase.Id, Assert.Single(byNumber).Id);
    }

    [Fact]
    public async Task Search_ByADatePrefix_WalkedPageByPage_SeesEveryCaseOfThatDay()
    {
        var kase = await SearchedCaseAsync();
        var day = kase.Number[..8];
        var expected = await app.QueryAsync(db => db.Cases.Where(c => c.Number.StartsWith(day)).Select(c => c.Id).ToListAsync(Test.Ct));
        var client = await app.SignInAsync("agent");

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await client.ListAsync($"q={day}&limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen.Count < 500);

        Assert.Equal(expected.OrderDescending(), seen);
    }

    [Fact]
    public async Task Search_StaysWithinTheReadersScopeAndFilters()
    {
        var kase = await SearchedCaseAsync();

        Assert.Contains(kase.Id, (await SearchAsync("handler", "玻璃杯")).Select(r => r.Id));
        Assert.DoesNotContain(kase.Id, (await SearchAsync("handler2", "玻璃杯")).Select(r => r.Id));
        Assert.DoesNotContain(kase.Id, (await SearchAsync("agent", "玻璃杯", "&status=Closed")).Select(r => r.Id));
    }

    [Fact]
    public async Task Search_FindsACaseTheReadersDepartmentAssists()
    {
        var kase = await (await app.SignInAsync("agent")).RegisterAsync(A.Case()
            .About("Courier scratched the fridge door", "Dent and scratches on the left door after delivery.")
            .LedBy(app.Ids.AfterSales).AssistedBy(app.Ids.Logistics)
            .Build());

        Assert.Contains(kase.Id, (await SearchAsync("handler2", "scratched")).Select(r => r.Id));
        Assert.Contains(kase.Id, (await SearchAsync("handler", "scratched")).Select(r => r.Id));
        Assert.DoesNotContain(kase.Id, (await SearchAsync("handler2", "dented")).Select(r => r.Id));
    }

    [Theory]
    [InlineData("zebrafish")]
    [InlineData("13555550000")]
    public async Task Search_WalkedPageByPage_SeesEveryMatchOnceNewestFirst(string query)
    {
        var expected = await app.OnceAsync("many matches", async () =>
        {
            var agent = await app.SignInAsync("agent");
            var ids = new List<long>();
            for (var i = 0; i < 5; i++)
                ids.Add((await agent.RegisterAsync(A.Case().About($"Zebrafish tank {i} leaks").From("Walker", "13555550000").Build())).Id);
            return ids;
        });
        var client = await app.SignInAsync("agent");

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await client.ListAsync($"q={query}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen.Count < 50);

        Assert.Equal(expected.OrderDescending(), seen);
    }

    [Theory]
    [InlineData("phone=13700001111")]
    [InlineData("phone=%2B86%20137%200000%201111")]
    [InlineData("email=mixed.case%40example.com")]
    [InlineData("customerId=C-IT-42")]
    public async Task CustomerHistory_FindsTheCustomersCases_ByPhoneEmailOrCustomerId(string query)
    {
        var (first, second, stranger) = await app.OnceAsync("history", async () =>
        {
            var agent = await app.SignInAsync("agent");
            var one = await agent.RegisterAsync(A.Case().From("钱七", "+86 137-0000-1111", "Mixed.Case@Example.com", "C-IT-42").Build());
            var two = await agent.RegisterAsync(A.Case().From("钱七", "137 0000 1111", "mixed.case@example.com", "C-IT-42").Build());
            var other = await agent.RegisterAsync(A.Case().From("孙八", "13700002222", "other@example.com", "C-IT-43").Build());
            return (one.Id, two.Id, other.Id);
        });

        var history = await (await app.SignInAsync("agent")).GetJsonAsync<List<CaseSummary>>($"/api/v1/customers/history?{query}");

        Assert.Equal([second, first], history.Select(h => h.Id));
        Assert.DoesNotContain(stranger, history.Select(h => h.Id));
    }

    [Fact]
    public async Task CustomerHistory_ByNameAlone_FindsCasesFiledUnderThatName_NotCasesThatMentionIt()
    {
        var name = "Ouyang " + Guid.NewGuid().ToString("N")[..6];
        var agent = await app.SignInAsync("agent");
        var first = await agent.RegisterAsync(A.Case().From(name, "13700003333").Build());
        var mentioning = await agent.RegisterAsync(A.Case().About("Neighbour's complaint", $"Same fault as {name} reported.").From("孙八", "13700004444").Build());
        var second = await agent.RegisterAsync(A.Case().From(name.ToUpperInvariant(), "13700005555").Build());

        var history = await agent.GetJsonAsync<List<CaseSummary>>($"/api/v1/customers/history?name={Uri.EscapeDataString(name)}");

        Assert.Equal([second.Id, first.Id], history.Select(h => h.Id));
        Assert.DoesNotContain(mentioning.Id, history.Select(h => h.Id));
    }

    [Fact]
    public async Task CustomerHistory_WithAPhone_IgnoresTheName()
    {
        var name = "Ouyang " + Guid.NewGuid().ToString("N")[..6];
        var agent = await app.SignInAsync("agent");
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var byPhone = await agent.RegisterAsync(A.Case().From(name, phone).Build());
        await agent.RegisterAsync(A.Case().From(name, "13700007777").Build());

        var history = await agent.GetJsonAsync<List<CaseSummary>>($"/api/v1/customers/history?phone={phone}&name={Uri.EscapeDataString(name)}");

        Assert.Equal([byPhone.Id], history.Select(h => h.Id));
    }

    [Fact]
    public async Task CustomerHistory_WithoutAKey_IsEmpty()
    {
        var history = await (await app.SignInAsync("agent")).GetJsonAsync<List<CaseSummary>>("/api/v1/customers/history");
        Assert.Empty(history);
    }

    private Task<CaseDetails> SearchedCaseAsync() => app.OnceAsync("searched", async () =>
        await (await app.SignInAsync("agent")).RegisterAsync(A.Case()
            .About("包裹到货时外箱破损", "客户周女士反映收到的快递包裹外箱严重破损，里面的玻璃杯全部碎了。The parcel was delivered to the wrong floor and left in the rain.")
            .From("周女士", "13698765432")
            .LedBy(app.Ids.AfterSales)
            .Build()));

    private async Task<IReadOnlyList<CaseSummary>> SearchAsync(string user, string q, string filters = "") =>
        (await (await app.SignInAsync(user)).ListAsync($"q={Uri.EscapeDataString(q)}&limit=100{filters}")).Items;
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchTests<SqliteApp>(app);

public sealed class SearchOnPostgres(PostgresApp app) : SearchTests<PostgresApp>(app);
