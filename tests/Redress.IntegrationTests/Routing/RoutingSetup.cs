using System.Net;
using System.Net.Http.Json;
using Redress.Domain.Cases;
using Redress.Domain.Routing;
using Redress.Features.Admin;
using Redress.Features.Reference;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Routing;

/// <summary>A department of its own per test, with its own handlers, so tests sharing a database never meet.</summary>
public sealed record TestDepartment(int Id, string Code, IReadOnlyList<StaffItem> Handlers, StaffItem Lead)
{
    /// <summary>Handlers in routing's turn order: ordinal by user id.</summary>
    public IReadOnlyList<StaffItem> InTurn => [.. Handlers.OrderBy(h => h.Id, StringComparer.Ordinal)];
}

internal static class RoutingSetup
{
    /// <summary>Two-character Chinese names (周一, 吴二 …): the way a complaint would name them.</summary>
    public static readonly string[] ChineseNames = ["周一", "吴二", "郑三", "冯四", "陈五", "褚六", "卫七", "蒋八"];

    public static async Task<TestDepartment> DepartmentAsync(RedressApp app, int handlers, RoutingPolicy policy)
    {
        var admin = await app.SignInAsync("admin");
        var code = "R" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var department = await Expect.JsonAsync<DepartmentItem>(
            await admin.PostAsync("/api/v1/admin/departments", new DepartmentInput(code, "分派测试" + code, "Routing " + code)), HttpStatusCode.Created);
        var staff = new List<StaffItem>();
        for (var i = 0; i < handlers; i++)
            staff.Add(await UserAsync(admin, $"{code.ToLowerInvariant()}-h{i}", $"{ChineseNames[i]} Handler {code}-{i}", Role.Handler, department.Id));
        var lead = await UserAsync(admin, $"{code.ToLowerInvariant()}-lead", $"Lead {code}", Role.Lead, department.Id);
        await Expect.StatusAsync(await PutAsync(admin, $"/api/v1/admin/routing/departments/{department.Id}", new { policy }), HttpStatusCode.OK);
        return new TestDepartment(department.Id, code, staff, lead);
    }

    public static async Task<StaffItem> UserAsync(ApiClient admin, string userName, string name, Role role, int department) =>
        await Expect.JsonAsync<StaffItem>(await admin.PostAsync("/api/v1/admin/users",
            new NewUserInput(userName, name, RedressApp.Password, "en", [role], [department])), HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> PutAsync(ApiClient client, string path, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json.Options) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.Http.SendAsync(request, Test.Ct);
    }
}
