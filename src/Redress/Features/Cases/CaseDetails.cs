using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Reference;

namespace Redress.Features.Cases;

public sealed record NamedRef(int Id, string Code, string NameZh, string NameEn);

public sealed record UserRef(string Id, string Name);

/// <summary>Everything about one case that its page shows, with the actions the reader may take now.</summary>
public sealed record CaseDetails(
    long Id,
    string Number,
    int Version,
    CaseStatus Status,
    Channel Channel,
    string Subject,
    string Description,
    DateTime? OccurredAt,
    /// <summary>Masked (R-SEC-2) for roles that do not contact customers; POST …/customer/reveal shows it, on the record.</summary>
    CustomerView Customer,
    ProductReference Product,
    CustomerDemand Demand,
    string? DemandDetails,
    NamedRef? Category,
    int Grade,
    IReadOnlyList<string> Flags,
    NamedRef? LeadDepartment,
    IReadOnlyList<NamedRef> AssistingDepartments,
    UserRef? Assignee,
    Investigation? Investigation,
    SolutionPlan? Solution,
    bool ApprovalRequired,
    CustomerConfirmation? Confirmation,
    FollowUpReview? Review,
    Referral? Referral,
    string? WithdrawalReason,
    int ReopenCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? AcknowledgedAt,
    DateTime? ClosedAt,
    DateTime DueAt,
    bool Overdue,
    /// <summary>R-SLA-1: one per target, the running clock or else the last one.</summary>
    IReadOnlyList<ClockView> Clocks,
    ExtensionRequest? PendingExtension,
    /// <summary>R-IN-4: the reply time the acknowledgement promises, from the SLA policy.</summary>
    DateTime PromisedReplyAt,
    IReadOnlyList<CaseAction> AvailableActions,
    /// <summary>回避 (R-WF-2): the staff member intake said the complaint is about; they are never given it.</summary>
    UserRef? AboutStaff,
    /// <summary>A merged duplicate: the case that took it over (its number resolves there).</summary>
    long? MergedIntoId = null,
    string? MergedIntoNumber = null)
{
    public static CaseDetails From(Case c, Actor actor, ReferenceData.Snapshot refs, DateTime now) => new(
        c.Id, c.Number, c.Version, c.Status, c.Channel, c.Subject, c.Description, c.OccurredAt,
        CustomerView.From(c.Customer, masked: !actor.SeesCustomerData), c.Product, c.Demand, c.DemandDetails,
        CategoryRef(refs, c.CategoryId), c.Grade, FlagNames(c.Flags),
        DepartmentRef(refs, c.LeadDepartmentId),
        [.. c.AssistingDepartments.Select(a => DepartmentRef(refs, a.DepartmentId)).OfType<NamedRef>()],
        c.AssigneeId is null ? null : new UserRef(c.AssigneeId, c.AssigneeName ?? ""),
        c.Investigation, c.Solution, c.RequiresApproval, c.Confirmation, c.Review, c.Referral, c.WithdrawalReason,
        c.ReopenCount, c.CreatedAt, c.UpdatedAt, c.AcknowledgedAt, c.ClosedAt, c.DueAt,
        c.IsOpen && c.DueAt < now,
        ClockView.Of(c.Clocks),
        c.PendingExtension,
        c.PromisedReplyAt,
        [.. c.AvailableActions(actor).Where(a => ExtensionStateAllows(a, c.PendingExtension is not null))],
        c.AboutStaffId is null ? null : new UserRef(c.AboutStaffId, c.AboutStaffName ?? ""),
        c.MergedIntoId, c.MergedIntoNumber);

    /// <summary>A decision needs a request, and a new request waits for the decision on the last.</summary>
    private static bool ExtensionStateAllows(CaseAction action, bool pending) => action switch
    {
        CaseAction.RequestExtension => !pending,
        CaseAction.ApproveExtension or CaseAction.RejectExtension => pending,
        _ => true,
    };

    public static IReadOnlyList<string> FlagNames(CaseFlags flags) =>
        [.. Enum.GetValues<CaseFlags>().Where(f => f != CaseFlags.None && flags.HasFlag(f)).Select(f => f.ToString())];

    public static NamedRef? CategoryRef(ReferenceData.Snapshot refs, int? id) =>
        id is { } i && refs.Categories.TryGetValue(i, out var c) ? new NamedRef(c.Id, c.Code, c.NameZh, c.NameEn) : null;

    public static NamedRef? DepartmentRef(ReferenceData.Snapshot refs, int? id) =>
        id is { } i && refs.Departments.TryGetValue(i, out var d) ? new NamedRef(d.Id, d.Code, d.NameZh, d.NameEn) : null;
}

/// <summary>The customer as a reader sees them: whole, or masked the way Chinese services mask personal data (138****5678).</summary>
public sealed record CustomerView(string Name, string? Phone, string? Email, string? Address, string? CustomerId, bool Masked)
{
    public static CustomerView From(Customer c, bool masked) => masked
        ? new(MaskName(c.Name), MaskMiddle(c.Phone, 3, 4), MaskEmail(c.Email), MaskAddress(c.Address), MaskMiddle(c.CustomerId, 1, 2), true)
        : new(c.Name, c.Phone, c.Email, c.Address, c.CustomerId, false);

    internal static string MaskName(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', Math.Min(name.Length - 1, 3));

    private static string? MaskMiddle(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value)) return value;
        if (value.Length <= keepStart + keepEnd) return new string('*', value.Length);
        return value[..keepStart] + new string('*', value.Length - keepStart - keepEnd) + value[^keepEnd..];
    }

    private static string? MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email)) return email;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? MaskMiddle(email, 1, 0) : email[..1] + "***" + email[at..];
    }

    /// <summary>The first few characters (province and city) stay; the street and number go.</summary>
    private static string? MaskAddress(string? address) =>
        string.IsNullOrEmpty(address) ? address : address.Length <= 6 ? new string('*', address.Length) : address[..6] + "****";
}

public enum ClockState
{
    Running,
    Warned,
    Breached,
    Paused,
    Met,
    Stopped,
}

public sealed record ClockView(SlaTarget Target, ClockState State, string PolicyKey, TimeLimit Limit, DateTime StartedAt, DateTime DueAt,
    DateTime? PausedAt, DateTime? MetAt, DateTime? BreachedAt, DateTime? EscalatedAt, int Extensions, bool? MetInTime)
{
    public static IReadOnlyList<ClockView> Of(IEnumerable<CaseClock> clocks) =>
    [
        .. clocks.GroupBy(c => c.Target).OrderBy(g => g.Key)
            .Select(g => g.FirstOrDefault(c => c.IsActive) ?? g.OrderBy(c => c.StartedAt).ThenBy(c => c.Id).Last())
            .Select(From),
    ];

    public static ClockView From(CaseClock c) => new(c.Target, StateOf(c), c.PolicyKey, c.Limit, c.StartedAt, c.DueAt,
        c.PausedAt, c.MetAt, c.BreachedAt, c.EscalatedAt, c.Extensions, c.MetInTime);

    private static ClockState StateOf(CaseClock c) =>
        c.MetAt is not null ? ClockState.Met
        : c.StoppedAt is not null ? ClockState.Stopped
        : c.PausedAt is not null ? ClockState.Paused
        : c.BreachedAt is not null ? ClockState.Breached
        : c.WarnedAt is not null ? ClockState.Warned
        : ClockState.Running;
}
