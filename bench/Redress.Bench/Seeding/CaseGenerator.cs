using Redress.Data;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// Makes seeded case <c>i</c> of a <see cref="SeedPlan"/>: bilingual text from <see cref="CaseTexts"/>, a
/// customer, a status that depends on the case's age (recent ones open, old ones mostly closed), the dates
/// and people that go with it, and the search tokens the server would index.
/// </summary>
internal sealed partial class CaseGenerator
{
    private readonly SeedPlan _plan;
    private readonly RealText _realText;
    private readonly CasePolicy _policy = CasePolicy.Default;
    private readonly double[] _topicWeights = [.. CaseTexts.Topics.Select(t => t.Weight)];
    private readonly int[] _topicCategory;
    private readonly int[] _topicDepartment;
    private readonly int[] _departments;
    private readonly Dictionary<int, (string Id, string Name)> _handlers = [];
    private readonly (string Id, string Name) _agent, _lead, _executive, _quality;

    public CaseGenerator(SeedPlan plan, SeedReference reference, RealText realText)
    {
        (_plan, _realText) = (plan, realText);
        _topicCategory = [.. CaseTexts.Topics.Select(t => reference.Categories[t.Category])];
        _topicDepartment = [.. CaseTexts.Topics.Select(t => reference.Departments[t.Department])];
        _departments = [.. reference.Departments.Values.Order()];
        (_agent, _lead, _executive, _quality) = (reference.Users["agent"], reference.Users["lead"], reference.Users["executive"], reference.Users["quality"]);
        _handlers[reference.Departments["AFTERSALES"]] = reference.Users["handler"];
        _handlers[reference.Departments["LOGISTICS"]] = reference.Users["handler2"];
        FirstId = reference.LastCaseId + 1;
    }

    public long FirstId { get; }

    public SeedCase Generate(int i, Random random)
    {
        var number = _plan.Number(i);
        var channel = _plan.ChannelOf(i);
        var created = _plan.CreatedAt(i);
        var t = Pick(random, _topicWeights);
        var topic = CaseTexts.Topics[t];
        var language = random.NextDouble() switch { < 0.75 => "zh", < 0.95 => "en", _ => "mixed" };
        var demand = topic.Demands[random.Next(topic.Demands.Length)];
        var text = Write(topic, demand, language, created, random);
        var customer = MakeCustomer(language == "en", random);
        customer.NormaliseKeys();
        var grade = 1 + Pick(random, topic.GradeWeights);
        var status = StatusFor((_plan.Now - created).TotalDays, random);
        // Only grade 1-2 plans wait for an executive (R-WF-4); a lower grade's plan goes straight to the work.
        if (status == CaseStatus.Approved && grade > 2) status = CaseStatus.Implementing;
        var life = Lifetime(status, grade, created, random);
        var department = status is CaseStatus.Received or CaseStatus.Acknowledged or CaseStatus.Withdrawn or CaseStatus.Referred ? (int?)null : _topicDepartment[t];
        // The demo organisation has named handlers in two departments; elsewhere cases wait on the department.
        (string Id, string Name)? assignee = null;
        if (department is { } d && _handlers.TryGetValue(d, out var h) && (status != CaseStatus.Assigned || random.NextDouble() < 0.5)) assignee = h;
        var review = grade <= 2 && status == CaseStatus.Closed ? life.Closed!.Value.AddMonths(_policy.ReviewAfterMonths) : (DateTime?)null;
        var handler = department is { } hd && _handlers.TryGetValue(hd, out var named) ? named : _lead;
        var reviewed = review < _plan.Now ? Min(review.Value.AddDays(random.Next(0, 6)), _plan.Now) : (DateTime?)null;
        return new SeedCase
        {
            Id = FirstId + i,
            Number = number,
            Version = VersionOf(status) + random.Next(0, 3),
            Status = status,
            Channel = channel,
            Subject = text.Subject,
            Description = text.Description,
            OccurredAt = random.NextDouble() < 0.8 ? created.AddHours(-random.Next(2, 72)) : null,
            CustomerName = customer.Name,
            Phone = customer.Phone,
            Email = customer.Email,
            Address = customer.Address,
            CustomerId = customer.CustomerId,
            PhoneKey = customer.PhoneKey,
            EmailKey = customer.EmailKey,
            OrderNumber = text.Order,
            ProductName = text.Product,
            Sku = text.Sku,
            BatchNumber = text.Batch,
            Demand = demand,
            CategoryId = _topicCategory[t],
            Grade = grade,
            Flags = FlagsFor(grade, random),
            LeadDepartmentId = department,
            AssigneeId = assignee?.Id,
            AssigneeName = assignee?.Name,
            ReviewDueAt = review,
            ReviewPassed = reviewed is null ? null : random.NextDouble() < 0.93,
            ReviewedAt = reviewed,
            ReviewedBy = reviewed is null ? null : _quality.Name,
            ReferredTo = status == CaseStatus.Referred ? (language == "en" ? "Carrier: SwiftExpress" : "第三方承运商 顺达快运") : null,
            ReferralReason = status == CaseStatus.Referred ? (language == "en" ? "Lost by the carrier the customer chose; explained and referred." : "系客户自选承运商责任，已向客户说明并转交承运商处理。") : null,
            WithdrawalReason = status == CaseStatus.Withdrawn ? (language == "en" ? "Customer resolved it with the store and withdrew." : "客户表示已与门店协商解决，撤回投诉。") : null,
            ReopenCount = status == CaseStatus.Reopened || status == CaseStatus.Closed && random.NextDouble() < 0.03 ? 1 : 0,
            CreatedById = _agent.Id,
            CreatedAt = created,
            UpdatedAt = life.Updated,
            AcknowledgedAt = life.Acknowledged,
            ClosedAt = life.Closed,
            DueAt = _policy.DueFrom(created, grade),
            AssistingDepartmentIds = department is { } lead && random.NextDouble() < 0.12 ? Assisting(lead, random) : [],
            Solution = PlanFor(status, grade, demand, text, language == "en", created, life, handler, random),
            Timeline = TimelineOf(status, channel, number, created, life, handler, NoteOf(status, demand, language == "en")),
            SearchTokens = CaseSearchIndex.TokensFor(number, text.Subject, text.Description, customer.Name, customer.Phone, customer.Email, text.Order),
        };
    }

    private sealed record Life(DateTime? Acknowledged, DateTime? Closed, DateTime Updated);

    /// <summary>About 8% open over two years: almost everything from the last days, a thin tail of older backlog.</summary>
    private static CaseStatus StatusFor(double ageDays, Random random)
    {
        var open = 0.9 * Math.Exp(-ageDays / 20) + 0.17 * Math.Exp(-ageDays / 250);
        if (random.NextDouble() >= open)
            return random.NextDouble() switch { < 0.90 => CaseStatus.Closed, < 0.96 => CaseStatus.Withdrawn, _ => CaseStatus.Referred };
        CaseStatus[] young = [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Assigned];
        CaseStatus[] week = [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Assigned, CaseStatus.Investigating, CaseStatus.SolutionProposed];
        CaseStatus[] older = [CaseStatus.Assigned, CaseStatus.Investigating, CaseStatus.SolutionProposed, CaseStatus.Approved, CaseStatus.Implementing, CaseStatus.AwaitingConfirmation, CaseStatus.Reopened];
        return ageDays switch
        {
            < 1 => young[Pick(random, [60, 30, 10])],
            < 7 => week[Pick(random, [10, 20, 30, 30, 10])],
            _ => older[Pick(random, [10, 30, 15, 5, 15, 15, 10])],
        };
    }

    private Life Lifetime(CaseStatus status, int grade, DateTime created, Random random)
    {
        var now = _plan.Now;
        DateTime? acknowledged = status == CaseStatus.Received ? null : Min(created.AddMinutes(random.Next(5, 240)), now);
        DateTime? closed = status switch
        {
            CaseStatus.Closed => Min(created.AddDays(_policy.ResolutionDaysByGrade[grade - 1] * (0.2 + random.NextDouble() * 1.2)), now),
            CaseStatus.Withdrawn or CaseStatus.Referred => Min(acknowledged!.Value.AddHours(random.Next(1, 96)), now),
            _ => null,
        };
        var updated = closed ?? Min(created.AddHours(random.NextDouble() * Math.Min((now - created).TotalHours, 20 * 24)), now);
        return new Life(acknowledged, closed, updated < (acknowledged ?? created) ? acknowledged ?? created : updated);
    }

    private SeedTimelineEntry[] TimelineOf(CaseStatus status, Channel channel, string number, DateTime created, Life life, (string Id, string Name) handler, string? note)
    {
        var registered = new SeedTimelineEntry(created, TimelineEvent.Registered, _agent.Id, _agent.Name, null, CaseStatus.Received, $"{channel.Code()} {number}");
        if (status == CaseStatus.Received) return [registered];
        // Only the latest transition besides registration: enough for the timeline page and the table's size.
        var (evt, from, who) = status switch
        {
            CaseStatus.Acknowledged => (TimelineEvent.Acknowledged, CaseStatus.Received, _agent),
            CaseStatus.Assigned => (TimelineEvent.Assigned, CaseStatus.Acknowledged, _lead),
            CaseStatus.Investigating => (TimelineEvent.InvestigationStarted, CaseStatus.Assigned, handler),
            CaseStatus.SolutionProposed => (TimelineEvent.SolutionProposed, CaseStatus.Investigating, handler),
            CaseStatus.Approved => (TimelineEvent.SolutionApproved, CaseStatus.SolutionProposed, _executive),
            CaseStatus.Implementing => (TimelineEvent.ImplementationStarted, CaseStatus.SolutionProposed, handler),
            CaseStatus.AwaitingConfirmation => (TimelineEvent.ConfirmationRequested, CaseStatus.Implementing, handler),
            CaseStatus.Reopened => (TimelineEvent.Reopened, CaseStatus.AwaitingConfirmation, _agent),
            CaseStatus.Withdrawn => (TimelineEvent.Withdrawn, CaseStatus.Acknowledged, _agent),
            CaseStatus.Referred => (TimelineEvent.Referred, CaseStatus.Acknowledged, _agent),
            _ => (TimelineEvent.Closed, CaseStatus.AwaitingConfirmation, _agent),
        };
        var at = status == CaseStatus.Acknowledged ? life.Acknowledged!.Value : life.Updated;
        return [registered, new SeedTimelineEntry(at, evt, who.Id, who.Name, from, status, note)];
    }

    private static int VersionOf(CaseStatus status) => status switch
    {
        CaseStatus.Received => 1,
        CaseStatus.Acknowledged => 2,
        CaseStatus.Withdrawn or CaseStatus.Referred => 3,
        CaseStatus.Assigned => 4,
        CaseStatus.Investigating => 5,
        CaseStatus.SolutionProposed => 7,
        CaseStatus.Approved => 8,
        CaseStatus.Implementing => 9,
        CaseStatus.AwaitingConfirmation => 10,
        _ => 12,
    };

    private static CaseFlags FlagsFor(int grade, Random random)
    {
        var flags = CaseFlags.None;
        if (random.NextDouble() < (grade == 1 ? 0.5 : 0.02)) flags |= CaseFlags.Urgent;
        if (random.NextDouble() < (grade == 1 ? 0.3 : 0.005)) flags |= CaseFlags.Escalated;
        if (random.NextDouble() < 0.04) flags |= CaseFlags.Repeat;
        if (random.NextDouble() < 0.005) flags |= CaseFlags.Group;
        if (random.NextDouble() < 0.003) flags |= CaseFlags.SuspectedMalicious;
        return flags;
    }

    private int[] Assisting(int lead, Random random)
    {
        var others = _departments.Where(d => d != lead).OrderBy(_ => random.Next()).ToArray();
        return others[..(random.NextDouble() < 0.8 ? 1 : 2)];
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    internal static int Pick(Random random, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = random.NextDouble() * total;
        for (var k = 0; k < weights.Count; k++)
        {
            if ((x -= weights[k]) < 0) return k;
        }
        return weights.Count - 1;
    }

    private static int Pick(Random random, int[] weights) => Pick(random, [.. weights.Select(w => (double)w)]);
}
