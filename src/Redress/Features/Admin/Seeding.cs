using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Organisation;
using Redress.Features.Accounts;

namespace Redress.Features.Admin;

public sealed class SeedOptions
{
    /// <summary>On first start with an empty database: departments, one user per role, ~200 cases.</summary>
    public bool Demo { get; set; } = true;
    public int DemoCases { get; set; } = 200;
    /// <summary>The admin's password when demo data is off; generated and printed once when empty.</summary>
    public string? AdminPassword { get; set; }
}

public static class Seeding
{
    public const string DemoPassword = "Redress-2026";

    public static IServiceCollection AddSeeding(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Seed").Get<SeedOptions>() ?? new SeedOptions());
        return services;
    }

    /// <summary>
    /// Always: the roles, the default taxonomy of R-CL-1 and an administrator. With demo data on, the first
    /// start also adds departments, one user per role and realistic cases in every state.
    /// </summary>
    public static async Task SeedAsync(this IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RedressDb>();
        var options = sp.GetRequiredService<SeedOptions>();
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        // Customers have no staff account, so no Identity role.
        foreach (var role in Enum.GetNames<Role>().Where(r => r != nameof(Role.Customer)))
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        if (!await db.Categories.AnyAsync(ct))
        {
            db.Categories.AddRange(DefaultTaxonomy.Categories());
            await db.SaveChangesAsync(ct);
            DefaultTaxonomy.LinkSubCategories(db);
            await db.SaveChangesAsync(ct);
        }
        await Sla.SlaSettings.SeedAsync(db, ct);
        await Triage.TriageRules.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), ct);
        if (await db.Users.AnyAsync(ct)) return;

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (!options.Demo)
        {
            var password = options.AdminPassword ?? $"Rd-{Guid.NewGuid():N}"[..20];
            await CreateUserAsync(users, "admin", "Administrator", "en", password, [Role.Admin], []);
            logger.LogWarning("Created the administrator: user 'admin', password '{Password}'. Change it after signing in.", password);
            return;
        }

        var departments = DemoData.Departments();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(ct);
        foreach (var (userName, name, lang, role, deptCodes) in DemoData.Users)
        {
            var deptIds = departments.Where(d => deptCodes.Contains(d.Code)).Select(d => d.Id).ToArray();
            await CreateUserAsync(users, userName, name, lang, DemoPassword, [role], deptIds);
        }
        var created = await DemoData.CreateCasesAsync(sp, options.DemoCases, ct);
        logger.LogInformation("Demo data: {Departments} departments, {Users} users, {Cases} cases.", departments.Count, DemoData.Users.Count, created);
    }

    /// <summary>Once the server listens: where it is and, with demo data, who can sign in.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Services.GetRequiredService<SeedOptions>().Demo;
            var lines = new List<string> { "", "Redress is running:" };
            lines.AddRange(urls.Select(u => $"  {u}   (API reference: {u}/api, OpenAPI: {u}/openapi/v1.json)"));
            if (demo)
            {
                lines.Add($"Demo logins (password {DemoPassword}):");
                lines.AddRange(DemoData.Users.Select(u => $"  {u.UserName,-10} {u.Role,-15} {u.Name}"));
            }
            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }

    internal static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string userName, string displayName, string language, string password, Role[] roles, int[] departmentIds)
    {
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            Language = language,
            Email = $"{userName}@redress.example",
            EmailConfirmed = true,
            Departments = [.. departmentIds.Select(d => new UserDepartment { DepartmentId = d })],
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        await users.AddToRolesAsync(user, roles.Select(r => r.ToString()));
        return user;
    }
}

/// <summary>The default taxonomy of R-CL-1 (seed 000 §2) with common sub-categories.</summary>
internal static class DefaultTaxonomy
{
    private static readonly (string Code, string Zh, string En, (string Code, string Zh, string En)[] Subs)[] Tree =
    [
        ("QUALITY", "产品质量", "Product quality", [("Q-DEFECT", "功能故障", "Defect or malfunction"), ("Q-DAMAGE", "外观破损", "Damaged on arrival"), ("Q-SAFETY", "安全隐患", "Safety hazard"), ("Q-FOOD", "食品卫生", "Food hygiene")]),
        ("SERVICE", "服务态度", "Service attitude", [("S-RUDE", "态度恶劣", "Rude staff"), ("S-NORESPONSE", "响应不及时", "No or slow response")]),
        ("AFTERSALES", "售后服务", "After-sales service", [("A-REPAIR", "维修", "Repair"), ("A-RETURN", "退换货", "Return or exchange"), ("A-WARRANTY", "保修", "Warranty")]),
        ("LOGISTICS", "物流配送", "Logistics and delivery", [("L-LATE", "配送延误", "Late delivery"), ("L-LOST", "丢件", "Lost parcel"), ("L-WRONG", "错发漏发", "Wrong or missing item")]),
        ("BILLING", "价格与收费", "Price and billing", [("B-OVERCHARGE", "多收费", "Overcharged"), ("B-REFUND", "退款问题", "Refund problem"), ("B-PROMO", "促销价格争议", "Promotion price dispute")]),
        ("CONTRACT", "合同纠纷", "Contract dispute", []),
        ("OTHER", "隐私、广告及其他", "Privacy, advertising and other", [("O-PRIVACY", "个人信息", "Personal data"), ("O-ADVERT", "虚假宣传", "Misleading advertising")]),
    ];

    public static IEnumerable<Category> Categories()
    {
        var order = 0;
        foreach (var (code, zh, en, subs) in Tree)
        {
            yield return new Category { Code = code, NameZh = zh, NameEn = en, SortOrder = order++ };
            var subOrder = 0;
            foreach (var (sc, szh, sen) in subs)
                yield return new Category { Code = sc, NameZh = szh, NameEn = sen, SortOrder = subOrder++ };
        }
    }

    public static void LinkSubCategories(RedressDb db)
    {
        var byCode = db.Categories.Local.ToDictionary(c => c.Code);
        foreach (var (code, _, _, subs) in Tree)
            foreach (var sub in subs)
                byCode[sub.Code].ParentId = byCode[code].Id;
    }
}
