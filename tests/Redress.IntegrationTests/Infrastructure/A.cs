using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>Test data with valid defaults: <c>A.Case().Graded(2).LedBy(dept).Build()</c>.</summary>
public static class A
{
    public static CaseBuilder Case() => new();
}

public sealed class CaseBuilder
{
    private Channel _channel = Channel.Phone;
    private string _subject = "Kettle arrived with a cracked lid";
    private string _description = "The customer says the kettle delivered on Monday has a cracked lid and wants it exchanged.";
    private CustomerInput _customer = new("赵六 Zhao Liu", "13800138000", "zhao.liu@example.cn", null, null);
    private int? _grade;
    private int? _categoryId;
    private int? _leadDepartmentId;
    private List<CaseFlags>? _flags;
    private List<int>? _assisting;
    private CustomerDemand _demand = CustomerDemand.Exchange;

    public CaseBuilder Via(Channel channel) { _channel = channel; return this; }
    public CaseBuilder About(string subject, string? description = null) { _subject = subject; _description = description ?? _description; return this; }
    public CaseBuilder Graded(int grade) { _grade = grade; return this; }
    public CaseBuilder InCategory(int categoryId) { _categoryId = categoryId; return this; }
    public CaseBuilder LedBy(int departmentId) { _leadDepartmentId = departmentId; return this; }
    public CaseBuilder AssistedBy(params int[] departmentIds) { _assisting = [.. departmentIds]; return this; }
    public CaseBuilder Flagged(params CaseFlags[] flags) { _flags = [.. flags]; return this; }
    public CaseBuilder Demanding(CustomerDemand demand) { _demand = demand; return this; }

    public CaseBuilder From(CustomerInput customer) { _customer = customer; return this; }
    public CaseBuilder From(string name, string? phone = null, string? email = null, string? customerId = null)
    {
        _customer = new CustomerInput(name, phone, email, phone is null && email is null ? "1 Test Street" : null, customerId);
        return this;
    }

    public RegisterCaseRequest Build() => new(
        _channel, _subject, _description, null, _customer,
        new ProductInput("SO20261123001", "电热水壶 KT-18", "KT18-S", "B2611-01"),
        _demand, null, _categoryId, _grade, _flags, _leadDepartmentId, _assisting);
}

/// <summary>Valid bodies for the lifecycle actions.</summary>
public static class Bodies
{
    public static NoteRequest Note(string? note = null) => new(note);
    public static TextRequest Text(string text) => new(text);
    public static ReasonRequest Reason(string reason) => new(reason);
    public static ClassifyRequest Classify(int grade, params CaseFlags[] flags) => new(null, grade, [.. flags], "Reassessed after the call.");
    public static AssignRequest Assign(int departmentId, string? handlerId) => new(departmentId, null, handlerId, "Please handle.");

    public static FindingsRequest Findings() => new(
        "The lid cracked in transit: the carton had no inner padding.", RootCauseMethod.FiveWhys, "Packing standard not followed",
        ["Lid cracked", "Crushed in transit", "No padding", "Packer skipped the step", "Step missing from the checklist"],
        null, [new ResponsibilityInput(null, "Warehouse packing team", 100m)]);

    public static SolutionRequest Solution() => new("Send a new kettle and collect the broken one.", 120m, "CNY", "李强 Li Qiang", null);
    public static EvidenceRequest Evidence(string description = "Photo of the cracked lid") => new(description, "Customer", null);
    public static CommunicationRequest Call(string summary = "Called the customer to confirm the details") => new(Direction.Outbound, CommunicationMethod.Phone, summary, null);
    public static ConfirmationRequest Satisfied() => new(true, 5, "Happy with the replacement.");
    public static ConfirmationRequest Unsatisfied(string why = "The replacement has the same crack.") => new(false, 2, why);
    public static ReviewRequest Review(bool passed) => new(passed, passed ? "No repeat complaints." : "The same fault came back.");
    public static ReferRequest Refer() => new("Carrier: SwiftExpress", "The customer's own carrier lost the parcel.");
}
