using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.UnitTests.Ui;

/// <summary>The intake form's input becomes the same RegisterCaseRequest the API binds.</summary>
public sealed class IntakeInputTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void ToRequest_TrimsText_AndLeavesBlankFieldsOut()
    {
        var request = new IntakeInput { Subject = "  洗衣机外壳破损 ", Description = "凹陷", Name = " 张敏 ", Phone = "138 1234 5678", Email = "  ", Demand = CustomerDemand.Exchange }
            .ToRequest(Shanghai);

        Assert.Equal("洗衣机外壳破损", request.Subject);
        Assert.Equal(new CustomerInput("张敏", "138 1234 5678", null, null, null), request.Customer);
        Assert.Null(request.Product);
        Assert.Null(request.Flags);
        Assert.Null(request.AssistingDepartmentIds);
        Assert.Equal((Channel.Phone, RegisterCase.DefaultGrade), (request.Channel, request.Grade));
    }

    [Fact]
    public void ToRequest_WithAnyProductField_SendsTheProduct()
    {
        var request = new IntakeInput { BatchNumber = "B2611-01" }.ToRequest(Shanghai);

        Assert.Equal(new ProductInput(null, null, null, "B2611-01"), request.Product);
    }

    [Fact]
    public void ToRequest_ReadsTheOccurredTime_InTheAgentsZone()
    {
        var request = new IntakeInput { OccurredAt = new DateTime(2026, 11, 23, 9, 30, 0) }.ToRequest(Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero), request.OccurredAt);
    }

    [Fact]
    public void ToRequest_CarriesFlagsAndDepartments()
    {
        var request = new IntakeInput { Flags = [CaseFlags.Urgent], LeadDepartmentId = 2, AssistingDepartmentIds = [3, 4] }.ToRequest(Shanghai);

        Assert.Equal([CaseFlags.Urgent], request.Flags!);
        Assert.Equal(2, request.LeadDepartmentId);
        Assert.Equal([3, 4], request.AssistingDepartmentIds!);
    }

    [Theory]
    [InlineData("customer", "Customer.Phone")]
    [InlineData("occurredAt", "OccurredAt")]
    [InlineData("assistingDepartmentIds", "AssistingDepartmentIds")]
    [InlineData("Idempotency-Key", null)]
    [InlineData(null, null)]
    public void FieldOf_PutsAUseCaseErrorWhereTheAgentCanFixIt(string? field, string? expected)
    {
        Assert.Equal(expected, IntakeInput.FieldOf(Error.Invalid("any", "Any.", field)));
    }
}
