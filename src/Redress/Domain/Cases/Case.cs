using System.Text.Json;

namespace Redress.Domain.Cases;

/// <summary>What intake knows about a new complaint (R-IN-3).</summary>
public sealed record NewCase(
    Channel Channel,
    string Subject,
    string Description,
    DateTime? OccurredAt,
    Customer Customer,
    ProductReference Product,
    CustomerDemand Demand,
    string? DemandDetails,
    int? CategoryId,
    int Grade,
    CaseFlags Flags,
    int? LeadDepartmentId,
    IReadOnlyList<int> AssistingDepartmentIds);

/// <summary>
/// 投诉案件: the aggregate. It owns its state machine: every change goes through a method named as the
/// business names it, checked against <see cref="Lifecycle"/>, and appends to the timeline.
/// </summary>
public sealed partial class Case
{
    public long Id { get; private set; }
    public string Number { get; private set; } = "";
    /// <summary>Optimistic concurrency token, the ETag of the API. Bumped by every change.</summary>
    public int Version { get; private set; }
    public CaseStatus Status { get; private set; }
    /// <summary>Mirrors <see cref="Status"/> so queue indexes can lead with it on both databases.</summary>
    public bool IsOpen { get; private set; }
    public Channel Channel { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime? OccurredAt { get; private set; }
    public Customer Customer { get; private set; } = new();
    public ProductReference Product { get; private set; } = new();
    public CustomerDemand Demand { get; private set; }
    public string? DemandDetails { get; private set; }
    public int? CategoryId { get; private set; }
    /// <summary>1 (一级, most severe) to 4 (四级, slight).</summary>
    public int Grade { get; private set; }
    public CaseFlags Flags { get; private set; }
    /// <summary>主导部门.</summary>
    public int? LeadDepartmentId { get; private set; }
    /// <summary>协办部门.</summary>
    public List<AssistingDepartment> AssistingDepartments { get; private set; } = [];
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public Investigation? Investigation { get; private set; }
    public SolutionPlan? Solution { get; private set; }
    public CustomerConfirmation? Confirmation { get; private set; }
    public FollowUpReview? Review { get; private set; }
    public Referral? Referral { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public int ReopenCount { get; private set; }
    /// <summary>
    /// SHA-256 of the secret in the customer's private tracking link (portal filings). Only the hash is kept,
    /// so a copy of the database does not hand out links.
    /// </summary>
    public string? PortalTokenHash { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>When the case should be resolved.</summary>
    public DateTime DueAt { get; private set; }

    // These collections hold only what was loaded or appended in this unit of work: appending never needs
    // the whole history in memory. Read the full timeline with a query.
    public List<TimelineEntry> Timeline { get; private set; } = [];
    public List<Communication> Communications { get; private set; } = [];
    public List<Attachment> Attachments { get; private set; } = [];

    private Case() { }

    /// <summary>The checks <see cref="Register"/> makes, for callers that want to fail before drawing a number.</summary>
    public static Error? CheckRegistration(NewCase input, Actor actor, DateTime now)
    {
        if (!actor.IsInAny(Lifecycle.Registrars))
            return Error.Forbidden("role_not_allowed", $"Registering a case needs one of the roles {string.Join(", ", Lifecycle.Registrars)}.");
        if (input.Grade is < 1 or > 4)
            return Error.Invalid("grade_out_of_range", "Grade is 1 (most severe) to 4.", "grade");
        var c = input.Customer;
        if (string.IsNullOrWhiteSpace(c.Phone) && string.IsNullOrWhiteSpace(c.Email) && string.IsNullOrWhiteSpace(c.Address))
            return Error.Invalid("contact_required", "Give at least one way to reach the customer: phone, email or address.", "customer");
        if (input.OccurredAt > now.AddHours(1))
            return Error.Invalid("occurred_in_future", "The complaint cannot be about something that has not happened yet.", "occurredAt");
        if (input.LeadDepartmentId is { } lead && input.AssistingDepartmentIds.Contains(lead))
            return Error.Invalid("lead_also_assisting", "The lead department cannot also be an assisting department.", "assistingDepartmentIds");
        return null;
    }

    public static Result<Case> Register(NewCase input, string number, Actor actor, DateTime now, CasePolicy policy)
    {
        if (CheckRegistration(input, actor, now) is { } error) return error;
        var c = input.Customer;
        c.NormaliseKeys();
        var kase = new Case
        {
            Number = number,
            Version = 1,
            Channel = input.Channel,
            Subject = input.Subject.Trim(),
            Description = input.Description.Trim(),
            OccurredAt = input.OccurredAt,
            Customer = c,
            Product = input.Product,
            Demand = input.Demand,
            DemandDetails = input.DemandDetails,
            CategoryId = input.CategoryId,
            Grade = input.Grade,
            Flags = input.Flags,
            LeadDepartmentId = input.LeadDepartmentId,
            AssistingDepartments = [.. input.AssistingDepartmentIds.Distinct().Select(d => new AssistingDepartment { DepartmentId = d })],
            CreatedById = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            DueAt = policy.DueFrom(now, input.Grade),
        };
        kase.SetStatus(CaseStatus.Received);
        kase.Timeline.Add(new TimelineEntry(TimelineEvent.Registered, actor, now, null, CaseStatus.Received,
            $"{input.Channel.Code()} {number}", null));
        return kase;
    }

    /// <summary>R-SEC-1: handlers and leads see the cases their departments lead or assist.</summary>
    public bool IsVisibleTo(Actor actor) =>
        actor.Is(Role.Customer) ? actor.OwnCaseId == Id
        : !actor.IsDepartmentScoped
        || (LeadDepartmentId is { } lead && actor.DepartmentIds.Contains(lead))
        || AssistingDepartments.Any(a => actor.DepartmentIds.Contains(a.DepartmentId));

    public IEnumerable<CaseAction> AvailableActions(Actor actor) => Lifecycle.Available(Status, actor);

    /// <summary>Gives the customer a private tracking link; its secret is known only to them.</summary>
    public void GrantPortalAccess(string tokenHash) => PortalTokenHash = tokenHash;

    /// <summary>
    /// R-SEC-2: someone whose role sees the customer masked looked at the personal data. Recorded on the
    /// timeline, but the case itself is unchanged, so its version stays and nobody's pending edit goes stale.
    /// </summary>
    public void RecordCustomerDataViewed(Actor actor, DateTime now) =>
        Timeline.Add(new TimelineEntry(TimelineEvent.CustomerDataViewed, actor, now, Status, null, null, null));

    private void SetStatus(CaseStatus status)
    {
        Status = status;
        IsOpen = status.IsOpen();
    }

    /// <summary>Records a change: moves to <paramref name="to"/> (or stays), bumps the version, appends the entry.</summary>
    private void Record(TimelineEvent evt, Actor actor, DateTime now, CaseStatus? to = null, string? text = null, object? changes = null)
    {
        var from = Status;
        if (to is { } next) SetStatus(next);
        UpdatedAt = now;
        Version++;
        Timeline.Add(new TimelineEntry(evt, actor, now, from, to is null ? null : Status, text,
            changes is null ? null : JsonSerializer.Serialize(changes, JsonOptions)));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
