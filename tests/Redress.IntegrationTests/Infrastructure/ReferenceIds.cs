using Redress.Features.Reference;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>Seeded departments, categories and users, by code and user name.</summary>
public sealed record ReferenceIds(
    IReadOnlyDictionary<string, int> Departments,
    IReadOnlyDictionary<string, int> Categories,
    IReadOnlyDictionary<string, string> Users)
{
    public int AfterSales => Departments["AFTERSALES"];
    public int Logistics => Departments["LOGISTICS"];

    public string UserId(string userName) => Users[userName];

    public static async Task<ReferenceIds> LoadAsync(RedressApp app)
    {
        var admin = await app.SignInAsync("admin");
        var departments = await admin.GetJsonAsync<List<DepartmentItem>>("/api/v1/departments");
        var categories = await admin.GetJsonAsync<List<CategoryItem>>("/api/v1/categories");
        var users = await admin.GetJsonAsync<List<StaffItem>>("/api/v1/users");
        return new ReferenceIds(
            departments.ToDictionary(d => d.Code, d => d.Id),
            categories.ToDictionary(c => c.Code, c => c.Id),
            users.ToDictionary(u => u.UserName, u => u.Id));
    }
}
