using System.Net;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Cases;

/// <summary>
/// R-SEC-1 through HTTP: every demo user against every lifecycle endpoint, on an AFTERSALES case in a state
/// where the action is legal. A role that may not act gets 403 with a problem saying why; a handler of another
/// department does not even learn that the case exists (404); a refusal changes nothing.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    /// <summary>For each endpoint: the state (and grade) in which it is legal, and a valid body.</summary>
    private static (CaseStatus State, int Grade, bool Findings, Func<ReferenceIds, object> Body) Setup(string action) => action switch
    {
        "acknowledge" => (CaseStatus.Received, 3, false, _ => Bodies.Note()),
        "classify" => (CaseStatus.Received, 3, false, _ => Bodies.Classify(2, CaseFlags.Urgent)),
        "assign" => (CaseStatus.Acknowledged, 3, false, ids => Bodies.Assign(ids.AfterSales, ids.UserId("handler"))),
        "start-investigation" => (CaseStatus.Assigned, 3, false, _ => Bodies.Note()),
        "findings" => (CaseStatus.Investigating, 3, false, _ => Bodies.Findings()),
        "evidence" => (CaseStatus.Received, 3, false, _ => Bodies.Evidence()),
        "propose-solution" => (CaseStatus.Investigating, 3, true, _ => Bodies.Solution()),
        "approve" => (CaseStatus.SolutionProposed, 2, false, _ => Bodies.Note("OK")),
        "reject" => (CaseStatus.SolutionProposed, 2, false, _ => Bodies.Reason("Not enough.")),
        "implement" => (CaseStatus.SolutionProposed, 3, false, _ => Bodies.Note()),
        "request-confirmation" => (CaseStatus.Implementing, 3, false, _ => Bodies.Note()),
        "confirmation" => (CaseStatus.AwaitingConfirmation, 3, false, _ => Bodies.Satisfied()),
        "review" => (CaseStatus.Closed, 2, false, _ => Bodies.Review(true)),
        "rating" => (CaseStatus.Closed, 3, false, _ => new RatingRequest(4, 5, 5, 4, 5, "Quick.")),
        "withdraw" => (CaseStatus.Received, 3, false, _ => Bodies.Reason("Customer withdrew.")),
        "refer" => (CaseStatus.Acknowledged, 3, false, _ => Bodies.Refer()),
        "communications" => (CaseStatus.Received, 3, false, _ => Bodies.Call()),
        "notes" => (CaseStatus.Received, 3, false, _ => Bodies.Text("A note.")),
        "attachments" => (CaseStatus.Received, 3, false, _ => new object()),
        "extension" => (CaseStatus.Investigating, 3, false, _ => Bodies.Reason("Waiting for the lab.")),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Cells), MemberType = typeof(AuthorizationMatrix))]
    public async Task Endpoint_AsUser_AnswersAsTheMatrixSays(string action, string user, int expected)
    {
        var client = await app.SignInAsync(user);
        var reader = await app.SignInAsync("agent");
        if (action == "register")
        {
            await AssertRegisterAsync(client, (HttpStatusCode)expected);
            return;
        }
        var setup = Setup(action);
        var allowed = expected is 200 or 201;
        // Refusals all probe one case per endpoint: each must leave it exactly as it was.
        var kase = allowed
            ? await new CaseSteps(app).ToAsync(setup.State, setup.Grade, setup.Findings)
            : await app.OnceAsync($"probe {action}", () => new CaseSteps(app).ToAsync(setup.State, setup.Grade, setup.Findings));
        var (before, etag) = await reader.GetCaseAsync(kase.Id);

        var response = action == "attachments"
            ? await client.UploadAsync(kase.Id, "receipt.txt", "Receipt 2026-11-20, 滚筒洗衣机 WD-100"u8.ToArray(), "text/plain")
            : await client.ActAsync(kase.Id, action, setup.Body(app.Ids), etag);

        if (allowed)
        {
            await Expect.StatusAsync(response, (HttpStatusCode)expected);
            var last = (await reader.TimelineAsync(kase.Id))[^1];
            Assert.Equal(app.Ids.UserId(user), last.ActorId);
            return;
        }
        var problem = await Expect.ProblemAsync(response, (HttpStatusCode)expected);
        if (expected == 403)
        {
            Assert.Equal("role_not_allowed", problem.Code);
            Assert.Contains("needs one of the roles", problem.Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("not_found", problem.Code);
        }
        var (after, _) = await reader.GetCaseAsync(kase.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }

    private async Task AssertRegisterAsync(ApiClient client, HttpStatusCode expected)
    {
        var before = await app.CountRowsAsync();
        var response = await client.TryRegisterAsync(A.Case().LedBy(app.Ids.AfterSales).Build());
        if (expected == HttpStatusCode.Created)
        {
            var created = await Expect.JsonAsync<CaseDetails>(response, expected);
            var reader = await app.SignInAsync("agent");
            Assert.Equal(app.Ids.UserId(client.UserName), (await reader.TimelineAsync(created.Id)).Single().ActorId);
            return;
        }
        Assert.Equal("role_not_allowed", (await Expect.ProblemAsync(response, expected)).Code);
        Assert.Equal(before, await app.CountRowsAsync());
    }

    [Theory]
    [InlineData("agent", 200)]
    [InlineData("handler", 200)]
    [InlineData("handler2", 404)]
    [InlineData("lead", 200)]
    [InlineData("quality", 200)]
    [InlineData("executive", 200)]
    [InlineData("admin", 200)]
    [InlineData("auditor", 200)]
    public async Task Reading_AnAfterSalesCase_AsUser(string user, int expected)
    {
        var kase = await app.OnceAsync("read", () => new CaseSteps(app).ToAsync(CaseStatus.Investigating));
        var client = await app.SignInAsync(user);

        foreach (var path in new[] { "", "/timeline", "/communications", "/attachments" })
            await Expect.StatusAsync(await client.GetAsync($"/api/v1/cases/{kase.Id}{path}"), (HttpStatusCode)expected);
        var listed = (await client.ListAsync("limit=100&open=true")).Items.Any(i => i.Id == kase.Id);
        Assert.Equal(expected == 200, listed);
    }

    [Fact]
    public async Task AnAuditor_ReadsEverything_ButIsOfferedNoActions()
    {
        var kase = await app.OnceAsync("read", () => new CaseSteps(app).ToAsync(CaseStatus.Investigating));
        var (details, _) = await (await app.SignInAsync("auditor")).GetCaseAsync(kase.Id);
        Assert.Empty(details.AvailableActions);
    }

    [Fact]
    public async Task WithoutSigningIn_TheApiAnswers401()
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cases", Test.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/cases", null, Test.Ct)).StatusCode);
    }
}

public sealed class AuthorizationMatrixOnSqlite(SqliteApp app) : AuthorizationMatrixTests<SqliteApp>(app);

public sealed class AuthorizationMatrixOnPostgres(PostgresApp app) : AuthorizationMatrixTests<PostgresApp>(app);
