using System.Net;
using System.Net.Http.Json;
using Redress.Domain.Cases;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Features.Triage;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Triage;

/// <summary>Keyword rules administrators keep (R-CL-3): seeded once, validated, effective without a restart.</summary>
public abstract class TriageRulesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    private const string Rules = "/api/v1/admin/triage/rules";

    private static TriageRuleInput Recall(string word, bool apply = true, int? category = null) =>
        new($"召回 {word}", TriageLanguage.Zh, MatchKind.Words, word, category, 1, [CaseFlags.Urgent, CaseFlags.Escalated], 95, apply);

    private async Task<CaseDetails> RegisterAsync(string description) =>
        await (await app.SignInAsync("agent")).RegisterAsync(A.Case().About("产品问题", description).From("李娜", "137" + Random.Shared.Next(10_000_000, 99_999_999)).Build());

    [Fact]
    public async Task TheDefaultRules_AreSeeded_InChineseAndEnglish()
    {
        var rules = await (await app.SignInAsync("admin")).GetJsonAsync<List<TriageRuleItem>>(Rules);

        foreach (var name in new[] { "安全事故", "Safety incident", "法律纠纷", "Legal action", "媒体曝光", "Media exposure", "监管部门", "Regulator" })
        {
            var rule = Assert.Single(rules, r => r.Name == name);
            Assert.Equal((2, true, true), (rule.MaxGrade, rule.Apply, rule.Active));
            Assert.Equal([CaseFlags.Escalated], rule.Flags);
        }
        Assert.Contains(rules, r => r.Kind == MatchKind.Pattern && r.Flags.Contains(CaseFlags.SuspectedMalicious) && !r.Apply);
        Assert.Contains(rules, r => r.CategoryId == app.Ids.Categories["L-LATE"]);
    }

    [Fact]
    public async Task ARuleCreated_ChangedAndDisabled_TakesEffectOnTheNextCase_WithoutARestart()
    {
        var admin = await app.SignInAsync("admin");
        var word = "召回令" + Guid.NewGuid().ToString("N")[..4];
        var created = await Expect.JsonAsync<TriageRuleItem>(await admin.PostAsync(Rules, Recall(word)), HttpStatusCode.Created);

        var applied = await RegisterAsync($"收到{word}，请处理");
        Assert.Equal(1, applied.Grade);
        Assert.Equal(["Urgent", "Escalated"], applied.Flags);

        var changed = await Expect.JsonAsync<TriageRuleItem>(await admin.Http.PutAsJsonAsync($"{Rules}/{created.Id}", Recall(word, apply: false), Json.Options, Test.Ct));
        Assert.Equal((2, false), (changed.Version, changed.Apply));
        var suggested = await RegisterAsync($"收到{word}，请处理");
        Assert.Equal((3, 1), (suggested.Grade, suggested.Version));
        var view = await admin.GetJsonAsync<TriageView>($"/api/v1/cases/{suggested.Id}/triage");
        Assert.Equal((1, false), (view.Suggestion.Grade?.Grade, view.Suggestion.Grade?.Applied));

        var disabled = await Expect.JsonAsync<TriageRuleItem>(await admin.PostAsync($"{Rules}/{created.Id}/disable", null));
        Assert.False(disabled.Active);
        var ignored = await RegisterAsync($"收到{word}，请处理");
        Assert.DoesNotContain((await admin.GetJsonAsync<TriageView>($"/api/v1/cases/{ignored.Id}/triage")).Suggestion.Rules, r => r.RuleId == created.Id);
    }

    [Theory]
    [InlineData("(赔偿|补偿", "invalid_pattern")]
    [InlineData(@"(\d+)元.*\1元", "invalid_pattern")]
    [InlineData("(曝光)?", "pattern_matches_empty")]
    public async Task ABadPattern_IsRefused_WithAProblemAtTheTermsField(string pattern, string code)
    {
        var admin = await app.SignInAsync("admin");
        var before = (await admin.GetJsonAsync<List<TriageRuleItem>>(Rules)).Count;

        var problem = await Expect.ProblemAsync(await admin.PostAsync(Rules,
            new TriageRuleInput("坏规则", TriageLanguage.Zh, MatchKind.Pattern, pattern, null, null, [CaseFlags.SuspectedMalicious])), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
        Assert.Contains("terms", problem.Errors!.Keys);
        Assert.Equal(before, (await admin.GetJsonAsync<List<TriageRuleItem>>(Rules)).Count);
    }

    [Fact]
    public async Task ARequestOfTheWrongShape_IsRefusedByField()
    {
        var admin = await app.SignInAsync("admin");

        var missing = await Expect.ProblemAsync(await admin.PostRawAsync(Rules, """{"language":"Zh","kind":"Words","terms":"起火","maxGrade":9}"""), HttpStatusCode.BadRequest);
        var repeat = await Expect.ProblemAsync(await admin.PostAsync(Rules, new TriageRuleInput("重复", TriageLanguage.Any, MatchKind.Words, "又来了", null, null, [CaseFlags.Repeat])), HttpStatusCode.BadRequest);
        var category = await Expect.ProblemAsync(await admin.PostAsync(Rules, Recall("x", category: 999_999)), HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "name", "maxGrade" }, missing.Errors!.Keys.ToHashSet());
        Assert.Equal(("flag_not_settable", "unknown_category"), (repeat.Code, category.Code));
    }

    [Fact]
    public async Task TheTest_ShowsWhatTheRulesMakeOfAText_WithADraftInPlace()
    {
        var admin = await app.SignInAsync("admin");

        var saved = await Expect.JsonAsync<TriageSuggestion>(await admin.PostAsync($"{Rules}/test", new TriageTestInput("我已经向12315投诉了！", null, null)));
        var draft = await Expect.JsonAsync<TriageSuggestion>(await admin.PostAsync($"{Rules}/test", new TriageTestInput("收到召回令草稿", Recall("召回令草稿"), null)));
        var badDraft = await admin.PostAsync($"{Rules}/test", new TriageTestInput("x", Recall("x") with { Kind = MatchKind.Pattern, Terms = "(" }, null));

        Assert.Equal(["监管部门"], saved.Applied.Select(a => a.Name));
        Assert.Equal((1, true), (draft.Grade?.Grade, draft.Grade?.Applied));
        Assert.Equal("invalid_pattern", (await Expect.ProblemAsync(badDraft, HttpStatusCode.BadRequest)).Code);
        Assert.DoesNotContain((await admin.GetJsonAsync<List<TriageRuleItem>>(Rules)), r => r.Terms == "召回令草稿");
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("lead")]
    [InlineData("auditor")]
    public async Task TheRules_AreForAdministratorsOnly(string user)
    {
        var client = await app.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Rules)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Rules, Recall("越权"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Rules}/test", new TriageTestInput("起火", null, null))).StatusCode);
    }
}

public sealed class TriageRulesOnSqlite(SqliteApp app) : TriageRulesTests<SqliteApp>(app);

public sealed class TriageRulesOnPostgres(PostgresApp app) : TriageRulesTests<PostgresApp>(app);
