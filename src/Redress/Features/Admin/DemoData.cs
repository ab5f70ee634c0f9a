using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Domain.Organisation;
using Redress.Features.Reference;
using Redress.Features.Triage;

namespace Redress.Features.Admin;

/// <summary>
/// Demo organisation and cases. Cases are made by the same domain methods the API calls, at times spread
/// over the last weeks, so their timelines read like real ones.
/// </summary>
internal static partial class DemoData
{
    public static List<Department> Departments() =>
    [
        new() { Code = "CS", NameZh = "客户服务部", NameEn = "Customer Service" },
        new() { Code = "QA", NameZh = "质量管理部", NameEn = "Quality Management" },
        new() { Code = "AFTERSALES", NameZh = "售后服务部", NameEn = "After-sales" },
        new() { Code = "LOGISTICS", NameZh = "物流部", NameEn = "Logistics" },
        new() { Code = "FINANCE", NameZh = "财务部", NameEn = "Finance" },
        new() { Code = "PRODUCTION", NameZh = "生产部", NameEn = "Production" },
    ];

    /// <summary>One user per role (R-SEC-1), plus a second handler so scoping shows.</summary>
    public static readonly IReadOnlyList<(string UserName, string Name, string Language, Role Role, string[] Departments)> Users =
    [
        ("agent", "王丽 Wang Li", "zh-CN", Role.Agent, ["CS"]),
        ("handler", "李强 Li Qiang", "zh-CN", Role.Handler, ["AFTERSALES"]),
        ("handler2", "Emma Clark", "en", Role.Handler, ["LOGISTICS"]),
        ("lead", "张伟 Zhang Wei", "zh-CN", Role.Lead, ["AFTERSALES"]),
        ("quality", "陈静 Chen Jing", "zh-CN", Role.QualityManager, ["QA"]),
        ("executive", "刘洋 Liu Yang", "zh-CN", Role.Executive, []),
        ("admin", "Admin", "en", Role.Admin, []),
        ("auditor", "Sam Auditor", "en", Role.Auditor, []),
    ];

    public static async Task<int> CreateCasesAsync(IServiceProvider sp, int count, CancellationToken ct)
    {
        var dbs = sp.GetRequiredService<IDbContextFactory<RedressDb>>();
        var numbers = sp.GetRequiredService<CaseNumbers>();
        var policy = sp.GetRequiredService<CasePolicy>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var rules = await sp.GetRequiredService<Sla.SlaSettings>().GetAsync(ct);
        // Demo cases carry the suggestion registration would have made, so the case page's triage panel shows one.
        var triage = sp.GetRequiredService<SuggestTriage>();
        var (book, refs) = (await sp.GetRequiredService<TriageRules>().GetAsync(ct), await sp.GetRequiredService<ReferenceData>().GetAsync(ct));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var people = await db.Users.Select(u => new { u.Id, u.UserName, u.DisplayName, Departments = u.Departments.Select(d => d.DepartmentId).ToList() }).ToListAsync(ct);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        Actor As(string userName, Role role)
        {
            var p = people.Single(x => x.UserName == userName);
            return new Actor(p.Id, p.DisplayName, new HashSet<Role> { role }, p.Departments.ToHashSet());
        }
        var cast = new Cast(As("agent", Role.Agent), As("handler", Role.Handler), As("handler2", Role.Handler), As("lead", Role.Lead),
            As("executive", Role.Executive), As("quality", Role.QualityManager), departments);

        var random = new Random(20261123);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        await using var tx = await db.BeginWriteAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var story = Stories[i % Stories.Length];
            var at = now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(0, 24 * 60));
            var customer = story.English ? EnglishCustomers[random.Next(EnglishCustomers.Length)] : ChineseCustomers[random.Next(ChineseCustomers.Length)];
            var channel = (Channel)random.Next(0, 8);
            var input = new NewCase(channel, story.Subject, story.Description, at.AddHours(-random.Next(2, 72)),
                new Customer { Name = customer.Name, Phone = customer.Phone, Email = customer.Email, Address = customer.Address, CustomerId = customer.Id },
                new ProductReference { OrderNumber = $"SO{at:yyyyMMdd}{random.Next(10000, 99999)}", ProductName = story.Product, Sku = story.Sku, BatchNumber = $"B{at:yyMM}-{random.Next(1, 40):00}" },
                story.Demand, null, categories[story.Category], story.Grade, story.Flags, null, []);
            var number = await numbers.NextAsync(db, channel, at, ct);
            var kase = Case.Register(input, number, cast.Agent, at, policy).Value;
            var target = Targets[i % Targets.Length];
            Advance(kase, target, story, cast, at, policy, rules, random);
            kase.ApplyClockRules(cast.Agent, kase.UpdatedAt, rules);
            db.Cases.Add(kase);
            await db.SaveChangesAsync(ct);
            var c = kase.Customer;
            await CaseSearchIndex.AddAsync(db, kase.Id,
                CaseSearchIndex.TokensFor(kase.Number, kase.Subject, kase.Description, c.Name, c.Phone, c.Email, kase.Product.OrderNumber), ct);
            await CaseTriage.InsertAsync(db, kase.Id, triage.ForText(kase.Subject, kase.Description, book, refs), at, ct);
            created++;
        }
        await tx.CommitAsync(ct);
        return created;
    }

    private sealed record Cast(Actor Agent, Actor Handler, Actor Handler2, Actor Lead, Actor Executive, Actor Quality, Dictionary<string, int> Departments);

    /// <summary>Walks a new case through the lifecycle to <paramref name="target"/>, minutes to days apart.</summary>
    /// <remarks>The clock rules see each step at its own time, as they would have had the case been worked in Redress.</remarks>
    private static void Advance(Case kase, CaseStatus target, Story story, Cast cast, DateTime at, CasePolicy policy, SlaRules rules, Random random)
    {
        var t = at;
        DateTime Next()
        {
            kase.ApplyClockRules(cast.Agent, t, rules);
            return t = t.AddMinutes(random.Next(10, 600));
        }
        bool Done(CaseStatus s) => kase.Status == target || s == target;
        if (target == CaseStatus.Received) return;
        var logistics = story.Category == "LOGISTICS";
        var handler = logistics ? cast.Handler2 : cast.Handler;
        var dept = cast.Departments[logistics ? "LOGISTICS" : "AFTERSALES"];
        Ensure(kase.AddCommunication(cast.Agent, Next(), Direction.Outbound, CommunicationMethod.Phone,
            story.English ? "Called the customer back to confirm the details" : "回电客户核实情况，告知受理编号及答复时限", null).Error);
        Ensure(kase.Acknowledge(cast.Agent, Next()).Error);
        if (target == CaseStatus.Referred)
        {
            Ensure(kase.Refer(cast.Agent, Next(), story.English ? "Carrier: SwiftExpress" : "第三方承运商 顺达快运",
                story.English ? "The parcel was lost by the carrier the customer chose; explained and referred." : "系客户自选承运商责任，已向客户说明并转交承运商处理。").Error);
            return;
        }
        if (Done(CaseStatus.Acknowledged)) return;
        if (target == CaseStatus.Withdrawn)
        {
            Ensure(kase.Withdraw(cast.Agent, Next(), story.English ? "Customer resolved it with the store and withdrew." : "客户表示已与门店协商解决，撤回投诉。").Error);
            return;
        }
        var lead = new Actor(cast.Lead.UserId, cast.Lead.Name, cast.Lead.Roles, new HashSet<int> { dept });
        Ensure(kase.Assign(cast.Agent, Next(), dept, story.Grade <= 2 ? [cast.Departments["QA"]] : [], null).Error);
        Ensure(kase.Assign(lead, Next(), dept, story.Grade <= 2 ? [cast.Departments["QA"]] : [], new Assignee(handler.UserId, handler.Name, handler.DepartmentIds)).Error);
        if (Done(CaseStatus.Assigned)) return;
        Ensure(kase.StartInvestigation(handler, Next()).Error);
        Ensure(kase.AddNote(handler, Next(), story.English ? "Asked the warehouse for the packing photos." : "已联系仓库调取出库照片及质检记录。").Error);
        if (Done(CaseStatus.Investigating)) return;
        Ensure(kase.RecordFindings(handler, Next(), new Findings(story.Facts, RootCauseMethod.FiveWhys, story.RootCause, story.Whys, null,
            [new Responsibility { DepartmentId = dept, SharePercent = 100 }])).Error);
        Ensure(kase.ProposeSolution(handler, Next(), new PlanProposal(story.Measures, story.Compensation, story.Compensation is null ? null : "CNY",
            handler.Name, Next().AddDays(3))).Error);
        if (Done(CaseStatus.SolutionProposed)) return;
        if (kase.RequiresApproval)
        {
            Ensure(kase.Approve(cast.Executive, Next(), story.English ? "Approved." : "同意该处理方案。").Error);
            if (Done(CaseStatus.Approved)) return;
        }
        Ensure(kase.Implement(handler, Next(), story.English
            ? "Started as planned; the customer was told when each step happens."
            : "已按方案开始落实，并已告知客户各步骤的时间安排。").Error);
        if (Done(CaseStatus.Implementing)) return;
        Ensure(kase.RequestConfirmation(handler, Next(), null).Error);
        if (Done(CaseStatus.AwaitingConfirmation)) return;
        var satisfied = target != CaseStatus.Reopened;
        Ensure(kase.RecordConfirmation(cast.Agent, Next(), satisfied, satisfied ? random.Next(4, 6) : 2,
            satisfied ? null : story.English ? "The replacement has the same fault." : "更换后的产品仍有同样问题，客户不满意。", policy).Error);
    }

    private static void Ensure(Domain.Error? error)
    {
        if (error is not null) throw new InvalidOperationException($"Demo data broke a rule: {error.Code}: {error.Message}");
    }

    private static readonly CaseStatus[] Targets =
    [
        CaseStatus.Closed, CaseStatus.Received, CaseStatus.Investigating, CaseStatus.Closed, CaseStatus.Acknowledged,
        CaseStatus.Assigned, CaseStatus.SolutionProposed, CaseStatus.Implementing, CaseStatus.AwaitingConfirmation, CaseStatus.Closed,
        CaseStatus.Reopened, CaseStatus.Approved, CaseStatus.Withdrawn, CaseStatus.Referred, CaseStatus.Closed, CaseStatus.Investigating,
    ];
}
