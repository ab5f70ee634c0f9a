using System.Runtime.CompilerServices;
using Redress.Domain;
using Redress.Domain.Cases;

namespace Redress.UnitTests.Builders;

/// <summary>
/// Builds a case in a given state by walking it there through the real domain methods, so a test can
/// never start from a state the lifecycle cannot reach. Each step happens an hour after the last.
/// </summary>
public sealed class CaseBuilder
{
    public const string Number = "20260302-TEL-0001";

    private readonly NewCaseBuilder _intake = new();
    private CaseStatus _status = CaseStatus.Received;
    private int _leadDepartmentId = Departments.Quality;
    private int[] _assistingDepartmentIds = [];
    private bool _withHandler = true;
    private CasePolicy _policy = CasePolicy.Default;
    private DateTime _now = Times.Start;

    public CaseBuilder Graded(int grade)
    {
        _intake.Graded(grade);
        return this;
    }

    public CaseBuilder InStatus(CaseStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>The department the case is assigned to (from <see cref="CaseStatus.Assigned"/> on).</summary>
    public CaseBuilder LedBy(int departmentId)
    {
        _leadDepartmentId = departmentId;
        return this;
    }

    public CaseBuilder AssistedBy(params int[] departmentIds)
    {
        _assistingDepartmentIds = departmentIds;
        return this;
    }

    /// <summary>Assigns to the department only; the case cannot get past <see cref="CaseStatus.Assigned"/>.</summary>
    public CaseBuilder WithoutHandler()
    {
        _withHandler = false;
        return this;
    }

    public CaseBuilder UnderPolicy(CasePolicy policy)
    {
        _policy = policy;
        return this;
    }

    public Case Build()
    {
        var registered = Case.Register(_intake.Build(), Number, Staff.Agent, _now, _policy);
        if (!registered.IsSuccess) throw new InvalidOperationException($"The builder could not register: {registered.Error}");
        var kase = registered.Value;
        Reach(kase, _status);
        return kase;
    }

    private void Reach(Case kase, CaseStatus target)
    {
        switch (target)
        {
            case CaseStatus.Received:
                break;
            case CaseStatus.Acknowledged:
                Must(kase.Acknowledge(Staff.Agent, Next(), "Called the customer back."));
                break;
            case CaseStatus.Assigned:
                Reach(kase, CaseStatus.Acknowledged);
                var handler = _withHandler
                    ? new Assignee(Staff.Handler.UserId, Staff.Handler.Name, new HashSet<int> { _leadDepartmentId })
                    : null;
                Must(kase.Assign(Staff.Agent, Next(), _leadDepartmentId, _assistingDepartmentIds, handler));
                break;
            case CaseStatus.Investigating:
                Reach(kase, CaseStatus.Assigned);
                Must(kase.StartInvestigation(Staff.Handler, Next()));
                break;
            case CaseStatus.SolutionProposed:
                Reach(kase, CaseStatus.Investigating);
                Must(kase.RecordFindings(Staff.Handler, Next(), Valid.Findings()));
                Must(kase.ProposeSolution(Staff.Handler, Next(), Valid.Plan(_now)));
                break;
            case CaseStatus.Approved:
                if (_intake.Grade > 2) throw new InvalidOperationException($"A grade {_intake.Grade} case is never approved.");
                Reach(kase, CaseStatus.SolutionProposed);
                Must(kase.Approve(Staff.Executive, Next(), "Agreed."));
                break;
            case CaseStatus.Implementing:
                Reach(kase, kase.RequiresApproval ? CaseStatus.Approved : CaseStatus.SolutionProposed);
                Must(kase.Implement(Staff.Handler, Next(), "Replacement shipped."));
                break;
            case CaseStatus.AwaitingConfirmation:
                Reach(kase, CaseStatus.Implementing);
                Must(kase.RequestConfirmation(Staff.Agent, Next(), "Asked the customer by phone."));
                break;
            case CaseStatus.Closed:
                Reach(kase, CaseStatus.AwaitingConfirmation);
                Must(kase.RecordConfirmation(Staff.Agent, Next(), satisfied: true, 5, "Happy with the new kettle.", _policy));
                break;
            case CaseStatus.Reopened:
                Reach(kase, CaseStatus.AwaitingConfirmation);
                Must(kase.RecordConfirmation(Staff.Agent, Next(), satisfied: false, 2, "The replacement leaks too.", _policy));
                break;
            case CaseStatus.Withdrawn:
                Must(kase.Withdraw(Staff.Agent, Next(), "The customer settled with the shop."));
                break;
            case CaseStatus.Referred:
                Must(kase.Refer(Staff.Agent, Next(), "Manufacturer's service centre", "Warranty repairs are theirs."));
                break;
            case CaseStatus.Merged:
                Must(kase.MergeInto(Case.Register(_intake.Build(), "20260302-TEL-0002", Staff.Agent, _now, _policy).Value, Staff.Agent, Next()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "The builder does not know how to reach this status.");
        }
    }

    private DateTime Next() => _now = _now.AddHours(1);

    private static void Must(Result result, [CallerArgumentExpression(nameof(result))] string step = "")
    {
        if (!result.IsSuccess) throw new InvalidOperationException($"The builder could not {step}: {result.Error}");
    }
}
