using System.Net;
using System.Net.Http.Json;
using Redress.Domain.Cases;
using Redress.Features.Admin;
using Redress.Features.Reference;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Admin;

/// <summary>Reference data for every signed-in user; changing it is for administrators only.</summary>
public abstract class ReferenceAndAdminTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Categories_AreTheDefaultTaxonomy_WithSubCategoriesAfterTheirParent()
    {
        var categories = await (await app.SignInAsync("auditor")).GetJsonAsync<List<CategoryItem>>("/api/v1/categories");

        var quality = categories.Single(c => c.Code == "QUALITY");
        var damage = categories.Single(c => c.Code == "Q-DAMAGE");
        Assert.Null(quality.ParentId);
        Assert.Equal((quality.Id, "外观破损"), (damage.ParentId, damage.NameZh));
        Assert.True(categories.IndexOf(quality) < categories.IndexOf(damage));
        Assert.Equal(7, categories.Count(c => c.ParentId is null));
    }

    [Fact]
    public async Task Departments_AndStaffOfADepartment_AreListed()
    {
        var agent = await app.SignInAsync("agent");

        var departments = await agent.GetJsonAsync<List<DepartmentItem>>("/api/v1/departments");
        var afterSales = await agent.GetJsonAsync<List<StaffItem>>($"/api/v1/users?departmentId={app.Ids.AfterSales}");

        Assert.Superset(new HashSet<string> { "CS", "QA", "AFTERSALES", "LOGISTICS", "FINANCE", "PRODUCTION" }, departments.Select(d => d.Code).ToHashSet());
        Assert.Equal(["handler", "lead"], afterSales.Select(u => u.UserName).Order());
        Assert.Equal(["Lead"], afterSales.Single(u => u.UserName == "lead").Roles);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("handler")]
    [InlineData("lead")]
    [InlineData("quality")]
    [InlineData("executive")]
    [InlineData("auditor")]
    public async Task AdminEndpoints_AreForbiddenToOtherRoles(string user)
    {
        var client = await app.SignInAsync(user);
        var before = await app.QueryAsync(db => Task.FromResult(db.Departments.Count()));

        var responses = new[]
        {
            await client.PostAsync("/api/v1/admin/departments", new DepartmentInput("ROGUE", "黑客部", "Hackers")),
            await client.Http.PutAsJsonAsync($"/api/v1/admin/departments/{app.Ids.AfterSales}", new DepartmentInput("AFTERSALES", "改名", "Renamed"), Json.Options, Test.Ct),
            await client.PostAsync("/api/v1/admin/categories", new CategoryInput("ROGUE", "黑", "Rogue", null)),
            await client.PostAsync("/api/v1/admin/users", new NewUserInput("intruder", "Intruder", "Intruder-2026", null, [Role.Admin], null)),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await app.QueryAsync(db => Task.FromResult(db.Departments.Count())));
        Assert.DoesNotContain("AFTERSALES", (await client.GetJsonAsync<List<DepartmentItem>>("/api/v1/departments")).Where(d => d.NameEn == "Renamed").Select(d => d.Code));
    }

    [Fact]
    public async Task AnAdministrator_AddsADepartmentAndACategory_ThatEveryoneThenSees()
    {
        var admin = await app.SignInAsync("admin");

        var dept = await Expect.JsonAsync<DepartmentItem>(await admin.PostAsync("/api/v1/admin/departments", new DepartmentInput("LEGAL", "法务部", "Legal")), HttpStatusCode.Created);
        var parent = app.Ids.Categories["QUALITY"];
        var cat = await Expect.JsonAsync<CategoryItem>(await admin.PostAsync("/api/v1/admin/categories", new CategoryInput("Q-LABEL", "标识不清", "Unclear labelling", parent, 9)), HttpStatusCode.Created);

        var agent = await app.SignInAsync("agent");
        Assert.Contains(dept, await agent.GetJsonAsync<List<DepartmentItem>>("/api/v1/departments"));
        Assert.Contains(cat, await agent.GetJsonAsync<List<CategoryItem>>("/api/v1/categories"));
        var kase = await agent.RegisterAsync(A.Case().InCategory(cat.Id).LedBy(dept.Id).Build());
        Assert.Equal(("Q-LABEL", "LEGAL"), (kase.Category?.Code, kase.LeadDepartment?.Code));
    }

    [Fact]
    public async Task AnAdministrator_CannotLockThemselvesOut_OrDropTheirOwnAdminRole()
    {
        var admin = await app.SignInAsync("admin");
        var self = (await admin.GetJsonAsync<List<UserRow>>("/api/v1/admin/users")).Single(u => u.UserName == "admin");

        var locked = await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{self.Id}", new UserUpdateInput(self.DisplayName, null, [Role.Admin], null, Locked: true), Json.Options, Test.Ct);
        var demoted = await admin.Http.PutAsJsonAsync($"/api/v1/admin/users/{self.Id}", new UserUpdateInput(self.DisplayName, null, [Role.Auditor], null, null), Json.Options, Test.Ct);

        Assert.Equal("own_account", (await Expect.ProblemAsync(locked, HttpStatusCode.BadRequest)).Code);
        Assert.Equal("own_account", (await Expect.ProblemAsync(demoted, HttpStatusCode.BadRequest)).Code);
        var after = (await admin.GetJsonAsync<List<UserRow>>("/api/v1/admin/users")).Single(u => u.UserName == "admin");
        Assert.Equal(["Admin"], after.Roles);
        Assert.False(after.Locked);
    }

    [Theory]
    [InlineData("/api/v1/admin/departments", """{"code":"CS","nameZh":"重复","nameEn":"Duplicate"}""", "duplicate_code")]
    [InlineData("/api/v1/admin/departments", """{"code":"lower case","nameZh":"x","nameEn":"x"}""", null)]
    [InlineData("/api/v1/admin/categories", """{"code":"DEEP","nameZh":"x","nameEn":"x","parentId":PARENT}""", "too_deep")]
    [InlineData("/api/v1/admin/users", """{"userName":"weak","displayName":"Weak","password":"short","roles":["Agent"]}""", null)]
    [InlineData("/api/v1/admin/users", """{"userName":"agent","displayName":"Again","password":"Again-2026-x","roles":["Agent"]}""", "duplicate_user")]
    public async Task AdminInput_ThatIsInvalid_IsA400Problem(string path, string json, string? code)
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostRawAsync(path, json.Replace("PARENT", app.Ids.Categories["Q-DAMAGE"].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        if (code is not null) Assert.Equal(code, problem.Code);
    }
}

public sealed class ReferenceAndAdminOnSqlite(SqliteApp app) : ReferenceAndAdminTests<SqliteApp>(app);

public sealed class ReferenceAndAdminOnPostgres(PostgresApp app) : ReferenceAndAdminTests<PostgresApp>(app);
