using System.Net;
using System.Net.Http.Json;
using Redress.Features.Admin;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Admin;

/// <summary>The numbering format as an administrator's setting (R-IN-2) and reply templates (R-WF-5).</summary>
public abstract class SettingsAndTemplatesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Path = "/api/v1/admin/settings/number-format";

    [Fact]
    public async Task ANewNumberFormat_AppliesToTheNextCase_AndResetGoesBackToTheConfiguredOne()
    {
        var (admin, agent) = (await app.SignInAsync("admin"), await app.SignInAsync("agent"));
        try
        {
            var changed = await Expect.JsonAsync<NumberFormatSetting>(await admin.Http.PutAsJsonAsync(Path, new NumberFormatInput("RD-{date:yyyyMMdd}-{serial:00000}"), Json.Options, Test.Ct));
            Assert.Equal(("RD-{date:yyyyMMdd}-{serial:00000}", false), (changed.Format, changed.IsDefault));
            Assert.Matches(@"^RD-\d{8}-00001$", changed.Sample);

            var next = await agent.RegisterAsync(A.Case().Build());
            Assert.Matches(@"^RD-\d{8}-\d{5}$", next.Number);
        }
        finally
        {
            var reset = await Expect.JsonAsync<NumberFormatSetting>(await admin.Http.DeleteAsync(Path, Test.Ct));
            Assert.True(reset.IsDefault);
        }
        Assert.Matches(@"^\d{8}-TEL-\d{4}$", (await agent.RegisterAsync(A.Case().Build())).Number);
    }

    [Theory]
    [InlineData("{date:yyyyMMdd}-{channel}")]
    [InlineData("{serial}/{date}")]
    [InlineData("{serial}-{serial}")]
    [InlineData("COMPLAINT-OF-THE-ACME-CORPORATION-{date:yyyyMMdd}-{serial}")]
    public async Task AnInvalidNumberFormat_IsAProblem_AndChangesNothing(string format)
    {
        var admin = await app.SignInAsync("admin");
        var before = await admin.GetJsonAsync<NumberFormatSetting>(Path);

        var problem = await Expect.ProblemAsync(await admin.Http.PutAsJsonAsync(Path, new NumberFormatInput(format), Json.Options, Test.Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.Code is "invalid_number_format" or "number_too_long", problem.Code);
        Assert.Contains("format", problem.Errors!.Keys);
        Assert.Equal(before, await admin.GetJsonAsync<NumberFormatSetting>(Path));
        Assert.Matches(@"^\d{8}-TEL-\d{4}$", (await (await app.SignInAsync("agent")).RegisterAsync(A.Case().Build())).Number);
    }

    [Fact]
    public async Task ReplyTemplates_AreWrittenByAdministrators_AndReadByStaffInTheirLanguage()
    {
        var admin = await app.SignInAsync("admin");
        var zh = await Expect.JsonAsync<ReplyTemplateItem>(await admin.PostAsync("/api/v1/admin/reply-templates",
            new ReplyTemplateInput("致歉", "zh-CN", "尊敬的{customer}，关于您的投诉 {number}，我们深表歉意。")), HttpStatusCode.Created);
        var en = await Expect.JsonAsync<ReplyTemplateItem>(await admin.PostAsync("/api/v1/admin/reply-templates",
            new ReplyTemplateInput("Apology", "en", "Dear {customer}, we are sorry about {number}.")), HttpStatusCode.Created);

        var renamed = await Expect.JsonAsync<ReplyTemplateItem>(await admin.Http.PutAsJsonAsync($"/api/v1/admin/reply-templates/{en.Id}",
            new ReplyTemplateInput("Apology (first contact)", "en", en.Text), Json.Options, Test.Ct));

        var handler = await app.SignInAsync("handler");
        var chinese = await handler.GetJsonAsync<List<ReplyTemplateItem>>("/api/v1/reply-templates?language=zh-CN");
        Assert.Contains(chinese, t => t.Id == zh.Id && t.Text == zh.Text);
        Assert.DoesNotContain(chinese, t => t.Id == en.Id);
        Assert.Contains(await handler.GetJsonAsync<List<ReplyTemplateItem>>("/api/v1/reply-templates"), t => t.Id == en.Id && t.Name == renamed.Name);

        await Expect.StatusAsync(await admin.Http.DeleteAsync($"/api/v1/admin/reply-templates/{zh.Id}", Test.Ct), HttpStatusCode.NoContent);
        Assert.DoesNotContain(await handler.GetJsonAsync<List<ReplyTemplateItem>>("/api/v1/reply-templates"), t => t.Id == zh.Id);
        await Expect.ProblemAsync(await admin.Http.DeleteAsync($"/api/v1/admin/reply-templates/{zh.Id}", Test.Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("handler")]
    [InlineData("lead")]
    [InlineData("auditor")]
    public async Task ReplyTemplatesAndSettings_CannotBeWrittenByOtherRoles(string user)
    {
        var admin = await app.SignInAsync("admin");
        var existing = await Expect.JsonAsync<ReplyTemplateItem>(await admin.PostAsync("/api/v1/admin/reply-templates",
            new ReplyTemplateInput($"Kept {user}", "en", "Dear {customer}.")), HttpStatusCode.Created);
        var client = await app.SignInAsync(user);

        var responses = new[]
        {
            await client.PostAsync("/api/v1/admin/reply-templates", new ReplyTemplateInput($"Rogue {user}", "en", "Hello")),
            await client.Http.PutAsJsonAsync($"/api/v1/admin/reply-templates/{existing.Id}", new ReplyTemplateInput("Changed", "en", "Changed"), Json.Options, Test.Ct),
            await client.Http.DeleteAsync($"/api/v1/admin/reply-templates/{existing.Id}", Test.Ct),
            await client.Http.PutAsJsonAsync(Path, new NumberFormatInput("X-{serial}"), Json.Options, Test.Ct),
            await client.Http.DeleteAsync(Path, Test.Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var all = await client.GetJsonAsync<List<ReplyTemplateItem>>("/api/v1/reply-templates");
        Assert.Contains(existing, all);
        Assert.DoesNotContain(all, t => t.Name == $"Rogue {user}");
        Assert.True((await admin.GetJsonAsync<NumberFormatSetting>(Path)).IsDefault);
    }

    [Theory]
    [InlineData("""{"name":"Typo","language":"en","text":"Dear {custmer}"}""", "unknown_placeholder")]
    [InlineData("""{"name":"Klingon","language":"tlh","text":"Hello"}""", null)]
    [InlineData("""{"name":"","language":"en","text":"Hello"}""", null)]
    public async Task AReplyTemplate_ThatIsInvalid_IsA400Problem(string json, string? code)
    {
        var problem = await Expect.ProblemAsync(await (await app.SignInAsync("admin")).PostRawAsync("/api/v1/admin/reply-templates", json), HttpStatusCode.BadRequest);
        if (code is not null) Assert.Equal(code, problem.Code);
    }
}

public sealed class SettingsAndTemplatesOnSqlite(SqliteApp app) : SettingsAndTemplatesTests<SqliteApp>(app);

public sealed class SettingsAndTemplatesOnPostgres(PostgresApp app) : SettingsAndTemplatesTests<PostgresApp>(app);
