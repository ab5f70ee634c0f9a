using Redress.Domain.Cases;

namespace Redress.UnitTests.Builders;

/// <summary>What intake would send for a valid complaint; each method changes one thing.</summary>
public sealed class NewCaseBuilder
{
    private Channel _channel = Channel.Phone;
    private int _grade = 3;
    private DateTime? _occurredAt = Times.Start.AddDays(-2);
    private string? _phone = "+86 138-0013-8000";
    private string? _email = "Li.Lei@Example.com";
    private string? _address;
    private int? _leadDepartmentId;
    private int[] _assistingDepartmentIds = [];

    public NewCaseBuilder Graded(int grade)
    {
        _grade = grade;
        return this;
    }

    public NewCaseBuilder Via(Channel channel)
    {
        _channel = channel;
        return this;
    }

    public NewCaseBuilder OccurredAt(DateTime? occurredAt)
    {
        _occurredAt = occurredAt;
        return this;
    }

    public NewCaseBuilder ReachableAt(string? phone = null, string? email = null, string? address = null)
    {
        (_phone, _email, _address) = (phone, email, address);
        return this;
    }

    public NewCaseBuilder LedBy(int departmentId)
    {
        _leadDepartmentId = departmentId;
        return this;
    }

    public NewCaseBuilder AssistedBy(params int[] departmentIds)
    {
        _assistingDepartmentIds = departmentIds;
        return this;
    }

    public int Grade => _grade;

    public NewCase Build() => new(
        Channel: _channel,
        Subject: "  Kettle arrived cracked  ",
        Description: "  The box was crushed and the kettle inside is cracked.  ",
        OccurredAt: _occurredAt,
        Customer: new Customer { Name = "Li Lei", Phone = _phone, Email = _email, Address = _address },
        Product: new ProductReference { OrderNumber = "SO-2026-000123", ProductName = "Electric kettle", Sku = "KT-17" },
        Demand: CustomerDemand.Exchange,
        DemandDetails: null,
        CategoryId: 7,
        Grade: _grade,
        Flags: CaseFlags.None,
        LeadDepartmentId: _leadDepartmentId,
        AssistingDepartmentIds: _assistingDepartmentIds);
}
