using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>The bad requests, with the answer each must get.</summary>
public static class BadRequests
{
    public static TheoryData<string, string, string?> Registrations() => new()
    {
        // name, JSON body, expected code (null: the framework's validation problem, checked by field)
        { "malformed JSON", """{"channel":"Phone","subject":"Broken""", "unreadable_request" },
        { "not an object", "[1, 2, 3]", "unreadable_request" },
        { "unknown channel", Valid(n => n["channel"] = "Pigeon"), "unreadable_request" },
        { "unknown demand", Valid(n => n["demand"] = "Revenge"), "unreadable_request" },
        { "grade as text", Valid(n => n["grade"] = "high"), "unreadable_request" },
        { "subject over 200", Valid(n => n["subject"] = new string('长', 201)), null },
        { "empty subject", Valid(n => n["subject"] = ""), null },
        { "description missing", Valid(n => n.Remove("description")), null },
        { "channel missing", Valid(n => n.Remove("channel")), null },
        { "customer name missing", Valid(n => n["customer"]!.AsObject().Remove("name")), null },
        { "customer missing", Valid(n => n.Remove("customer")), null },
        { "email malformed", Valid(n => n["customer"]!["email"] = "not-an-email"), null },
        { "grade 5", Valid(n => n["grade"] = 5), null },
        { "no way to reach the customer", Valid(n => n["customer"] = new JsonObject { ["name"] = "无名" }), "contact_required" },
        { "unknown category", Valid(n => n["categoryId"] = 99999), "unknown_category" },
        { "unknown department", Valid(n => n["leadDepartmentId"] = 99999), "unknown_department" },
        { "occurred next week", Valid(n => n["occurredAt"] = DateTimeOffset.UtcNow.AddDays(7).ToString("O")), "occurred_in_future" },
    };

    public static TheoryData<string, string, string, HttpStatusCode, string?> Transitions() => new()
    {
        // action on a Received case, JSON body, expected status and code
        { "approve", "{}", "executive", HttpStatusCode.Conflict, "illegal_transition" },
        { "implement", "{}", "handler", HttpStatusCode.Conflict, "illegal_transition" },
        { "review", """{"passed":true,"notes":"ok"}""", "quality", HttpStatusCode.Conflict, "illegal_transition" },
        { "acknowledge", "{\"note\":", "agent", HttpStatusCode.BadRequest, "unreadable_request" },
        { "acknowledge", "", "agent", HttpStatusCode.BadRequest, null },
        { "withdraw", "{}", "agent", HttpStatusCode.BadRequest, null },
        { "notes", """{"text":""}""", "agent", HttpStatusCode.BadRequest, null },
        { "communications", """{"direction":"Sideways","method":"Phone","summary":"x"}""", "agent", HttpStatusCode.BadRequest, "unreadable_request" },
        { "classify", """{"grade":7}""", "agent", HttpStatusCode.BadRequest, null },
        { "assign", """{"departmentId":99999}""", "agent", HttpStatusCode.BadRequest, "unknown_department" },
    };

    public static string Valid(Action<JsonObject> change)
    {
        var node = JsonSerializer.SerializeToNode(A.Case().Build(), Json.Options)!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}

/// <summary>Requests the API must refuse: each gets a 4xx problem that says what is wrong, and writes nothing.</summary>
public abstract class BadInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Theory]
    [MemberData(nameof(BadRequests.Registrations), MemberType = typeof(BadRequests))]
    public async Task Register_WithBadInput_IsA400Problem_AndWritesNothing(string name, string json, string? code)
    {
        var agent = await app.SignInAsync("agent");
        var before = await app.CountRowsAsync();

        var response = await agent.PostRawAsync("/api/v1/cases", json);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        if (code is not null) Assert.Equal(code, problem.Code);
        else Assert.True(problem.Errors is { Count: > 0 }, $"{name}: a validation problem names the fields.");
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Fact]
    public async Task Register_WithAnOverlongSubject_NamesTheField()
    {
        var response = await (await app.SignInAsync("agent")).PostRawAsync("/api/v1/cases", BadRequests.Valid(n => n["subject"] = new string('x', 201)));
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors!.Keys, k => k.Contains("subject", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Register_WithAnUnknownEnumValue_NamesTheField()
    {
        var response = await (await app.SignInAsync("agent")).PostRawAsync("/api/v1/cases", BadRequests.Valid(n => n["channel"] = "Pigeon"));
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors!.Keys, k => k.Contains("channel", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(BadRequests.Transitions), MemberType = typeof(BadRequests))]
    public async Task Action_WithBadInputOrInTheWrongState_IsAProblem_AndWritesNothing(string action, string json, string user, HttpStatusCode status, string? code)
    {
        var kase = await app.OnceAsync("received", () => new CaseSteps(app).ToAsync(CaseStatus.Received));
        var client = await app.SignInAsync(user);
        var before = await app.CountRowsAsync();

        var response = await client.PostRawAsync($"/api/v1/cases/{kase.Id}/{action}", json, "\"1\"");

        var problem = await Expect.ProblemAsync(response, status);
        if (code is not null) Assert.Equal(code, problem.Code);
        Assert.Equal(before, await app.CountRowsAsync());
        var (after, _) = await client.GetCaseAsync(kase.Id);
        Assert.Equal((CaseStatus.Received, 1), (after.Status, after.Version));
    }

    [Theory]
    [InlineData("""{"facts":"x","responsibilities":[{"person":"A","sharePercent":60},{"person":"B","sharePercent":30}]}""", "shares_not_100")]
    [InlineData("""{"facts":"x","rootCauseMethod":"FiveWhys"}""", "whys_required")]
    [InlineData("""{"facts":"x","rootCauseMethod":"Fishbone"}""", "factor_required")]
    public async Task Findings_ThatBreakARule_AreRefused(string json, string code)
    {
        var kase = await app.OnceAsync("investigating", () => new CaseSteps(app).ToAsync(CaseStatus.Investigating));
        var handler = await app.SignInAsync("handler");
        var before = await app.CountRowsAsync();

        var response = await handler.PostRawAsync($"/api/v1/cases/{kase.Id}/findings", json, (await handler.GetCaseAsync(kase.Id)).ETag);

        Assert.Equal(code, (await Expect.ProblemAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(before, await app.CountRowsAsync());
    }
}

public sealed class BadInputOnSqlite(SqliteApp app) : BadInputTests<SqliteApp>(app);

public sealed class BadInputOnPostgres(PostgresApp app) : BadInputTests<PostgresApp>(app);
