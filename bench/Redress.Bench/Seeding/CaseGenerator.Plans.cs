using System.Globalization;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>
/// The solution plans of seeded cases past the plan stage (R-WF-4), in the case's language: what the handler
/// proposed for the customer's demand, approved by the executive for grade 1-2, with the handler's note when
/// the work started. Without them the approvals inbox and the case page of a seeded case would be empty.
/// </summary>
internal sealed partial class CaseGenerator
{
    private static readonly Dictionary<CustomerDemand, (string Zh, string En, string NoteZh, string NoteEn, bool Pays)> Remedies = new()
    {
        [CustomerDemand.Refund] = ("核实订单后为客户办理全额退款 {a} 元，原路退回，3 个工作日内到账；同步排查该批次{p}的质检记录。",
            "Refund CNY {a} in full to the original payment method within 3 working days, and check the inspection records of this {p} batch.",
            "退款已提交财务，预计 3 个工作日内到账。", "Refund submitted to Finance; it reaches the customer within 3 working days.", true),
        [CustomerDemand.Exchange] = ("为客户免费更换新的{p}，上门取回原商品并承担往返运费；要求仓库对同批次库存抽检。",
            "Exchange the {p} for a new one free of charge, collect the old one at our cost, and spot-check the batch in the warehouse.",
            "新品已出库，快递单号已短信告知客户，取件员同日上门回收。", "New unit shipped and the tracking number texted to the customer; the courier collects the old one the same day.", false),
        [CustomerDemand.Repair] = ("安排售后工程师 48 小时内上门检修{p}，免收人工及配件费用，并延长保修一年。",
            "Send an engineer within 48 hours to repair the {p} with parts and labour free, and extend the warranty by one year.",
            "已预约工程师上门，配件已备齐。", "Engineer booked with the customer; parts are ready.", false),
        [CustomerDemand.Apology] = ("由部门负责人致电客户正式道歉，说明原因及整改措施，并赠送 {a} 元优惠券。",
            "The department lead calls the customer to apologise, explains the cause and what we changed, and sends a CNY {a} voucher.",
            "负责人已致电道歉，优惠券已发放至客户账户。", "The lead has called and apologised; the voucher is in the customer's account.", true),
        [CustomerDemand.Compensation] = ("按公司赔付标准向客户支付补偿 {a} 元，并对相关环节责任人进行培训考核。",
            "Pay the customer CNY {a} compensation under the company's standard, and retrain the staff responsible.",
            "补偿款审批完成，已安排支付。", "Compensation approved and the payment scheduled.", true),
        [CustomerDemand.Explanation] = ("向客户书面说明{p}的检测结果及适用政策，并提供检测报告副本。",
            "Explain the test results of the {p} and the policy that applies in writing, with a copy of the test report.",
            "书面说明及检测报告已发送至客户邮箱。", "Written explanation and test report sent to the customer by email.", false),
        [CustomerDemand.Other] = ("与客户协商处理方案，按客户选择办理并在完成后回访确认。",
            "Agree a remedy with the customer, carry out the one they choose and call back to confirm it worked.",
            "已与客户确认处理方式，正在办理。", "Remedy agreed with the customer; in progress.", false),
    };

    private static bool IsPastThePlan(CaseStatus status) =>
        status is CaseStatus.SolutionProposed or CaseStatus.Approved or CaseStatus.Implementing or CaseStatus.AwaitingConfirmation
            or CaseStatus.Reopened or CaseStatus.Closed;

    /// <summary>The plan proposed a while after registration, decided within hours by the executive when the grade needs it.</summary>
    private SolutionPlan? PlanFor(CaseStatus status, int grade, CustomerDemand demand, Text text, bool english, DateTime created, Life life, (string Id, string Name) handler, Random random)
    {
        if (!IsPastThePlan(status)) return null;
        var remedy = Remedies[demand];
        var amount = remedy.Pays ? random.Next(5, 200) * 10 : (int?)null;
        var measures = (english ? remedy.En : remedy.Zh)
            .Replace("{p}", text.Product, StringComparison.Ordinal)
            .Replace("{a}", amount?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
        var proposed = created + (life.Updated - created) * (status == CaseStatus.SolutionProposed ? 1 : 0.6);
        var decided = grade <= 2 && status != CaseStatus.SolutionProposed ? Min(proposed.AddHours(random.Next(1, 20)), life.Updated) : (DateTime?)null;
        return new SolutionPlan
        {
            Measures = measures,
            CompensationAmount = amount,
            Currency = amount is null ? null : "CNY",
            ResponsiblePerson = handler.Name,
            Deadline = proposed.AddDays(random.Next(3, 11)),
            ProposedAt = proposed,
            ProposedBy = handler.Name,
            Approved = decided is null ? null : true,
            DecidedBy = decided is null ? null : _executive.Name,
            DecidedAt = decided,
        };
    }

    /// <summary>What the last timeline entry says: the executive's word on an approval, the handler's note when work starts.</summary>
    private static string? NoteOf(CaseStatus status, CustomerDemand demand, bool english) => status switch
    {
        CaseStatus.Approved => english ? "Approved: the remedy fits the finding." : "同意该处理方案，请尽快落实。",
        CaseStatus.Implementing => english ? Remedies[demand].NoteEn : Remedies[demand].NoteZh,
        _ => null,
    };
}
