using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>One seeded case: its row in Cases (columns named as the migrations name them) and its satellites.</summary>
internal sealed class SeedCase
{
    public long Id { get; init; }
    public required string Number { get; init; }
    public int Version { get; init; }
    public CaseStatus Status { get; init; }
    public Channel Channel { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    public DateTime? OccurredAt { get; init; }
    public required string CustomerName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? CustomerId { get; init; }
    public string? OrderNumber { get; init; }
    public string? ProductName { get; init; }
    public string? Sku { get; init; }
    public string? BatchNumber { get; init; }
    public CustomerDemand Demand { get; init; }
    public int? CategoryId { get; init; }
    public int Grade { get; init; }
    public CaseFlags Flags { get; init; }
    public int? LeadDepartmentId { get; init; }
    public string? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public DateTime? ReviewDueAt { get; init; }
    public bool? ReviewPassed { get; init; }
    public DateTime? ReviewedAt { get; init; }
    public string? ReviewedBy { get; init; }
    public string? ReferredTo { get; init; }
    public string? ReferralReason { get; init; }
    public string? WithdrawalReason { get; init; }
    public int ReopenCount { get; init; }
    public required string CreatedById { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? AcknowledgedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public DateTime DueAt { get; init; }
    public int[] AssistingDepartmentIds { get; init; } = [];
    /// <summary>Written as JSON by each loader, as EF Core writes it for that provider (<see cref="OwnedJson"/>).</summary>
    public SolutionPlan? Solution { get; init; }
    public SeedTimelineEntry[] Timeline { get; init; } = [];
    /// <summary>What the server would put in CaseSearch for this case (<c>CaseSearchIndex.TokensFor</c>).</summary>
    public required string SearchTokens { get; init; }

    public bool IsOpen => Status.IsOpen();
    public string? PhoneKey { get; init; }
    public string? EmailKey { get; init; }
}

internal sealed record SeedTimelineEntry(DateTime At, TimelineEvent Event, string ActorId, string ActorName, CaseStatus? From, CaseStatus? To, string? Text);

/// <summary>The rows seeding adds to, read from the freshly migrated and demo-seeded database.</summary>
internal sealed record SeedReference(
    IReadOnlyDictionary<string, int> Departments, IReadOnlyDictionary<string, int> Categories,
    IReadOnlyDictionary<string, (string Id, string Name)> Users, long LastCaseId);

/// <summary>
/// Every column of the Cases table with its value: one list both bulk loaders write, in this order. Owned
/// types are flattened as EF Core names them (Customer_Name); JSON columns stay null for seeded cases.
/// </summary>
internal static class CaseColumns
{
    public static readonly (string Name, Func<SeedCase, object?> Value)[] All =
    [
        ("Id", c => c.Id), ("Number", c => c.Number), ("Version", c => c.Version), ("Status", c => c.Status.ToString()),
        ("IsOpen", c => c.IsOpen), ("Channel", c => c.Channel.ToString()), ("Subject", c => c.Subject), ("Description", c => c.Description),
        ("OccurredAt", c => c.OccurredAt), ("Customer_Name", c => c.CustomerName), ("Customer_Phone", c => c.Phone), ("Customer_Email", c => c.Email),
        ("Customer_Address", c => c.Address), ("Customer_CustomerId", c => c.CustomerId), ("Customer_PhoneKey", c => c.PhoneKey),
        ("Customer_EmailKey", c => c.EmailKey), ("Product_OrderNumber", c => c.OrderNumber), ("Product_ProductName", c => c.ProductName),
        ("Product_Sku", c => c.Sku), ("Product_BatchNumber", c => c.BatchNumber), ("Demand", c => c.Demand.ToString()), ("DemandDetails", _ => null),
        ("CategoryId", c => c.CategoryId), ("Grade", c => c.Grade), ("Flags", c => (int)c.Flags), ("LeadDepartmentId", c => c.LeadDepartmentId),
        ("AssigneeId", c => c.AssigneeId), ("AssigneeName", c => c.AssigneeName), ("Review_DueAt", c => c.ReviewDueAt), ("Review_Passed", c => c.ReviewPassed),
        ("Review_Notes", _ => null), ("Review_ReviewedAt", c => c.ReviewedAt), ("Review_ReviewedBy", c => c.ReviewedBy),
        ("Referral_ReferredTo", c => c.ReferredTo), ("Referral_Reason", c => c.ReferralReason), ("WithdrawalReason", c => c.WithdrawalReason),
        ("ReopenCount", c => c.ReopenCount), ("CreatedById", c => c.CreatedById), ("CreatedAt", c => c.CreatedAt), ("UpdatedAt", c => c.UpdatedAt),
        ("AcknowledgedAt", c => c.AcknowledgedAt), ("ClosedAt", c => c.ClosedAt), ("DueAt", c => c.DueAt),
        ("Confirmation", _ => null), ("Investigation", _ => null), ("Solution", c => c.Solution),
    ];

    public static readonly (string Name, Func<SeedTimelineEntry, long, object?> Value)[] Timeline =
    [
        ("CaseId", (_, id) => id), ("At", (t, _) => t.At), ("Event", (t, _) => t.Event.ToString()), ("ActorId", (t, _) => t.ActorId),
        ("ActorName", (t, _) => t.ActorName), ("FromStatus", (t, _) => t.From?.ToString()), ("ToStatus", (t, _) => t.To?.ToString()),
        ("Text", (t, _) => t.Text), ("Changes", (_, _) => null),
    ];
}
