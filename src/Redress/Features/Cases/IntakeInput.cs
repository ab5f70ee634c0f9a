using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.Features.Cases;

/// <summary>
/// What the intake page's form edits. Forms need settable fields; <see cref="RegisterCaseRequest"/> is the
/// immutable record the API binds. <see cref="ToRequest"/> turns the input into that request, whose own
/// DataAnnotations then decide whether it is valid.
/// </summary>
public sealed class IntakeInput
{
    public Channel? Channel { get; set; } = Domain.Cases.Channel.Phone;
    public string? Subject { get; set; }
    public string? Description { get; set; }
    /// <summary>When it happened, as a time of day in the agent's time zone.</summary>
    public DateTime? OccurredAt { get; set; }

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? CustomerId { get; set; }

    public string? OrderNumber { get; set; }
    public string? ProductName { get; set; }
    public string? Sku { get; set; }
    public string? BatchNumber { get; set; }

    public CustomerDemand? Demand { get; set; }
    public string? DemandDetails { get; set; }
    public int? CategoryId { get; set; }
    public int? Grade { get; set; } = RegisterCase.DefaultGrade;
    public IReadOnlyCollection<CaseFlags> Flags { get; set; } = [];
    public int? LeadDepartmentId { get; set; }
    public IReadOnlyCollection<int> AssistingDepartmentIds { get; set; } = [];
    /// <summary>回避: the staff member the complaint is about, who will not be given it.</summary>
    public string? AboutStaffId { get; set; }

    /// <param name="zone">The agent's time zone: the day and time they type are the customer's account of it, there.</param>
    public RegisterCaseRequest ToRequest(TimeZoneInfo zone) => new(
        Channel,
        Trim(Subject)!,
        Trim(Description)!,
        InZone(OccurredAt, zone),
        new CustomerInput(Trim(Name)!, Trim(Phone), Trim(Email), Trim(Address), Trim(CustomerId)),
        Product(),
        Demand,
        Trim(DemandDetails),
        CategoryId,
        Grade,
        Flags.Count == 0 ? null : [.. Flags],
        LeadDepartmentId,
        AssistingDepartmentIds.Count == 0 ? null : [.. AssistingDepartmentIds],
        Trim(AboutStaffId));

    /// <summary>
    /// The form's key for a use-case error's field (the API's JSON names), so the message shows where the agent
    /// can fix it; null for errors about no one field.
    /// </summary>
    public static string? FieldOf(Error error) => error.Field switch
    {
        null or "" or "Idempotency-Key" => null,
        // No way to reach the customer: shown at the phone, where the agent types the first one.
        "customer" => "Customer.Phone",
        var field => char.ToUpperInvariant(field[0]) + field[1..],
    };

    private ProductInput? Product()
    {
        var product = new ProductInput(Trim(OrderNumber), Trim(ProductName), Trim(Sku), Trim(BatchNumber));
        return product is { OrderNumber: null, ProductName: null, Sku: null, BatchNumber: null } ? null : product;
    }

    private static DateTimeOffset? InZone(DateTime? time, TimeZoneInfo zone)
    {
        if (time is not { } t) return null;
        var local = DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
