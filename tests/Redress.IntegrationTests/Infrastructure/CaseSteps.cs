using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>
/// Brings a new AFTERSALES case to a given state through the API, each step by the role that takes it
/// in real life: the agent registers, acknowledges and assigns to the handler, who investigates.
/// </summary>
public sealed class CaseSteps(RedressApp app)
{
    public async Task<CaseDetails> ToAsync(CaseStatus target, int grade = 3, bool withFindings = false)
    {
        if (target == CaseStatus.Approved && grade > 2) throw new ArgumentException("Only grade 1-2 plans are approved.", nameof(grade));
        var ids = app.Ids;
        var agent = await app.SignInAsync("agent");
        var handler = await app.SignInAsync("handler");
        var c = await agent.RegisterAsync(A.Case().Graded(grade).LedBy(ids.AfterSales).Build());
        switch (target)
        {
            case CaseStatus.Received: return c;
            case CaseStatus.Withdrawn: return await agent.DoAsync(c.Id, "withdraw", Bodies.Reason("Customer settled it in the store."));
            case CaseStatus.Referred: return await agent.DoAsync(c.Id, "refer", Bodies.Refer());
        }
        c = await agent.DoAsync(c.Id, "acknowledge", Bodies.Note());
        if (target == CaseStatus.Acknowledged) return c;
        c = await agent.DoAsync(c.Id, "assign", Bodies.Assign(ids.AfterSales, ids.UserId("handler")));
        if (target == CaseStatus.Assigned) return c;
        c = await handler.DoAsync(c.Id, "start-investigation", Bodies.Note());
        if (target == CaseStatus.Investigating && !withFindings) return c;
        c = await handler.DoAsync(c.Id, "findings", Bodies.Findings());
        if (target == CaseStatus.Investigating) return c;
        c = await handler.DoAsync(c.Id, "propose-solution", Bodies.Solution());
        if (target == CaseStatus.SolutionProposed) return c;
        if (c.ApprovalRequired)
        {
            c = await (await app.SignInAsync("executive")).DoAsync(c.Id, "approve", Bodies.Note("Approved."));
            if (target == CaseStatus.Approved) return c;
        }
        c = await handler.DoAsync(c.Id, "implement", Bodies.Note());
        if (target == CaseStatus.Implementing) return c;
        c = await handler.DoAsync(c.Id, "request-confirmation", Bodies.Note());
        if (target == CaseStatus.AwaitingConfirmation) return c;
        if (target == CaseStatus.Closed) return await agent.DoAsync(c.Id, "confirmation", Bodies.Satisfied());
        if (target == CaseStatus.Reopened) return await agent.DoAsync(c.Id, "confirmation", Bodies.Unsatisfied());
        throw new ArgumentOutOfRangeException(nameof(target), target, null);
    }
}
