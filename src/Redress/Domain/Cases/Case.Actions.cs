namespace Redress.Domain.Cases;

/// <summary>Someone a case can be assigned to, with the departments they belong to.</summary>
public sealed record Assignee(string UserId, string Name, IReadOnlySet<int> DepartmentIds);

public sealed record Findings(
    string Facts,
    RootCauseMethod? RootCauseMethod,
    string? RootCause,
    IReadOnlyList<string> Whys,
    FishboneFactor? FishboneFactor,
    IReadOnlyList<Responsibility> Responsibilities);

public sealed record PlanProposal(string Measures, decimal? CompensationAmount, string? Currency, string ResponsiblePerson, DateTime? Deadline);

// The transitions of R-WF-1. Each checks the table in Lifecycle first, then its own data conditions.
public sealed partial class Case
{
    public Result Acknowledge(Actor actor, DateTime now, string? note = null)
    {
        if (Lifecycle.Check(CaseAction.Acknowledge, Status, actor) is { } error) return error;
        AcknowledgedAt = now;
        // A case routed to a handler at registration (R-WF-2) is assigned as soon as it is acknowledged.
        Record(TimelineEvent.Acknowledged, actor, now, AssigneeId is null ? CaseStatus.Acknowledged : CaseStatus.Assigned, note);
        return Result.Success;
    }

    /// <summary>
    /// Sets category, grade and flags (R-CL-2). The due date is not moved here: the clock rules re-pick the SLA
    /// policy from the Classified entry and record the new due date, with its reason, in SlaRecomputed.
    /// </summary>
    public Result Classify(Actor actor, DateTime now, int? categoryId, int grade, CaseFlags flags, string? reason)
    {
        if (Lifecycle.Check(CaseAction.Classify, Status, actor) is { } error) return error;
        if (grade is < 1 or > 4) return Error.Invalid("grade_out_of_range", "Grade is 1 (most severe) to 4.", "grade");
        if (categoryId == CategoryId && grade == Grade && flags == Flags)
            return Error.Invalid("nothing_changed", "Category, grade and flags are already set to these values.");
        var changes = new Dictionary<string, object?>();
        if (categoryId != CategoryId) changes["categoryId"] = new { from = CategoryId, to = categoryId };
        if (grade != Grade) changes["grade"] = new { from = Grade, to = grade };
        if (flags != Flags) changes["flags"] = new { from = Flags.ToString(), to = flags.ToString() };
        (CategoryId, Grade, Flags) = (categoryId, grade, flags);
        Record(TimelineEvent.Classified, actor, now, text: reason, changes: changes);
        return Result.Success;
    }

    /// <summary>分派: to a lead department, optionally with assisting departments and a handler.</summary>
    public Result Assign(Actor actor, DateTime now, int departmentId, IReadOnlyList<int> assisting, Assignee? handler, string? note = null)
    {
        if (Lifecycle.Check(CaseAction.Assign, Status, actor) is { } error) return error;
        if (assisting.Contains(departmentId))
            return Error.Invalid("lead_also_assisting", "The lead department cannot also be an assisting department.", "assistingDepartmentIds");
        if (handler is not null && !handler.DepartmentIds.Contains(departmentId))
            return Error.Invalid("handler_not_in_department", $"{handler.Name} is not a member of the lead department.", "handlerId");
        if (handler is not null && IsAbout(handler.UserId, handler.Name))
            return Error.Invalid("handler_recused", $"The complaint is about {handler.Name}, who may not handle it (回避).", "handlerId");
        // Materialised now: the changes are serialised after the list below is updated (R-WF-8 records the old value).
        var changes = new Dictionary<string, object?>
        {
            ["leadDepartmentId"] = new { from = LeadDepartmentId, to = departmentId },
            ["assistingDepartmentIds"] = new { from = AssistingDepartments.Select(a => a.DepartmentId).ToList(), to = assisting },
            ["assignee"] = new { from = AssigneeName, to = handler?.Name },
        };
        LeadDepartmentId = departmentId;
        AssistingDepartments.RemoveAll(a => !assisting.Contains(a.DepartmentId));
        foreach (var d in assisting.Distinct().Where(d => AssistingDepartments.All(a => a.DepartmentId != d)))
            AssistingDepartments.Add(new AssistingDepartment { DepartmentId = d });
        (AssigneeId, AssigneeName) = (handler?.UserId, handler?.Name);
        Record(TimelineEvent.Assigned, actor, now, Status == CaseStatus.Acknowledged ? CaseStatus.Assigned : null, note, changes);
        return Result.Success;
    }

    public Result StartInvestigation(Actor actor, DateTime now, string? note = null)
    {
        if (Lifecycle.Check(CaseAction.StartInvestigation, Status, actor) is { } error) return error;
        if (AssigneeId is null) return Error.Conflict("handler_required", "Assign a handler before the investigation starts.");
        Investigation ??= new Investigation();
        Record(TimelineEvent.InvestigationStarted, actor, now, CaseStatus.Investigating, note);
        return Result.Success;
    }

    public Result RecordFindings(Actor actor, DateTime now, Findings findings)
    {
        if (Lifecycle.Check(CaseAction.RecordFindings, Status, actor) is { } error) return error;
        if (findings.RootCauseMethod == RootCauseMethod.FiveWhys && findings.Whys.Count == 0)
            return Error.Invalid("whys_required", "A 5-Why analysis lists its whys.", "whys");
        if (findings.RootCauseMethod == RootCauseMethod.Fishbone && findings.FishboneFactor is null)
            return Error.Invalid("factor_required", "A fishbone analysis names the factor (人机料法环测) of the root cause.", "fishboneFactor");
        if (findings.Responsibilities.Any(r => r.SharePercent is <= 0 or > 100 || (r.DepartmentId is null && string.IsNullOrWhiteSpace(r.Person))))
            return Error.Invalid("responsibility_invalid", "Each responsibility names a department or a person and a share above 0 and at most 100.", "responsibilities");
        if (findings.Responsibilities.Count > 0 && findings.Responsibilities.Sum(r => r.SharePercent) != 100)
            return Error.Invalid("shares_not_100", "Responsibility shares add up to 100%.", "responsibilities");
        var inv = Investigation ??= new Investigation();
        inv.Facts = findings.Facts;
        inv.RootCauseMethod = findings.RootCauseMethod;
        inv.RootCause = findings.RootCause;
        inv.Whys = [.. findings.Whys];
        inv.FishboneFactor = findings.FishboneFactor;
        inv.Responsibilities = [.. findings.Responsibilities];
        Record(TimelineEvent.FindingsRecorded, actor, now, text: findings.RootCause, changes: new
        {
            findings.RootCauseMethod,
            findings.FishboneFactor,
            responsibilities = findings.Responsibilities.Select(r => new { r.DepartmentId, r.Person, r.SharePercent }),
        });
        return Result.Success;
    }

    public Result AddEvidence(Actor actor, DateTime now, string description, string? source, long? attachmentId)
    {
        if (Lifecycle.Check(CaseAction.AddEvidence, Status, actor) is { } error) return error;
        (Investigation ??= new Investigation()).Evidence.Add(new EvidenceItem
        {
            Description = description,
            Source = source,
            AttachmentId = attachmentId,
            AddedAt = now,
            AddedBy = actor.Name,
        });
        Record(TimelineEvent.EvidenceAdded, actor, now, text: description, changes: attachmentId is null ? null : new { attachmentId });
        return Result.Success;
    }

    public Result ProposeSolution(Actor actor, DateTime now, PlanProposal plan)
    {
        if (Lifecycle.Check(CaseAction.ProposeSolution, Status, actor) is { } error) return error;
        if (string.IsNullOrWhiteSpace(Investigation?.Facts))
            return Error.Conflict("findings_required", "Record the investigation's findings before proposing a solution.");
        if (RepeatWithoutRootCause() is { } missing) return missing;
        if (plan.CompensationAmount is < 0) return Error.Invalid("negative_compensation", "Compensation cannot be negative.", "compensationAmount");
        if (plan.CompensationAmount > 0 && string.IsNullOrWhiteSpace(plan.Currency))
            return Error.Invalid("currency_required", "Compensation needs a currency.", "currency");
        if (plan.Deadline is { } deadline && deadline < now)
            return Error.Invalid("deadline_past", "The deadline is in the past.", "deadline");
        Solution = new SolutionPlan
        {
            Measures = plan.Measures,
            CompensationAmount = plan.CompensationAmount,
            Currency = plan.Currency?.ToUpperInvariant(),
            ResponsiblePerson = plan.ResponsiblePerson,
            Deadline = plan.Deadline,
            ProposedAt = now,
            ProposedBy = actor.Name,
        };
        Record(TimelineEvent.SolutionProposed, actor, now, CaseStatus.SolutionProposed, plan.Measures, new
        {
            plan.CompensationAmount,
            plan.Currency,
            plan.ResponsiblePerson,
            plan.Deadline,
            approvalRequired = RequiresApproval,
        });
        return Result.Success;
    }

    /// <summary>R-WF-4: grade 1-2 plans need an executive's approval; grade 3-4 plans are implemented directly.</summary>
    public bool RequiresApproval => Grade <= 2;

    public Result Approve(Actor actor, DateTime now, string? comment)
    {
        if (Lifecycle.Check(CaseAction.Approve, Status, actor) is { } error) return error;
        if (!RequiresApproval)
            return Error.Conflict("approval_not_required", $"Grade {Grade} plans are implemented without approval.");
        Decide(actor, now, approved: true, comment);
        Record(TimelineEvent.SolutionApproved, actor, now, CaseStatus.Approved, comment);
        return Result.Success;
    }

    /// <summary>A rejected plan goes back to investigation with the reasons (R-WF-4).</summary>
    public Result Reject(Actor actor, DateTime now, string reason)
    {
        if (Lifecycle.Check(CaseAction.Reject, Status, actor) is { } error) return error;
        if (!RequiresApproval)
            return Error.Conflict("approval_not_required", $"Grade {Grade} plans are implemented without approval.");
        Decide(actor, now, approved: false, reason);
        Record(TimelineEvent.SolutionRejected, actor, now, CaseStatus.Investigating, reason);
        return Result.Success;
    }

    private void Decide(Actor actor, DateTime now, bool approved, string? reason)
    {
        Solution!.Approved = approved;
        Solution.DecidedBy = actor.Name;
        Solution.DecidedAt = now;
        Solution.DecisionReason = reason;
    }

    public Result Implement(Actor actor, DateTime now, string? note)
    {
        if (Lifecycle.Check(CaseAction.Implement, Status, actor) is { } error) return error;
        if (Status == CaseStatus.SolutionProposed && RequiresApproval)
            return Error.Conflict("approval_required", $"Grade {Grade} plans need an executive's approval before they are implemented.");
        Record(TimelineEvent.ImplementationStarted, actor, now, CaseStatus.Implementing, note);
        return Result.Success;
    }

    public Result RequestConfirmation(Actor actor, DateTime now, string? note)
    {
        if (Lifecycle.Check(CaseAction.RequestConfirmation, Status, actor) is { } error) return error;
        if (RepeatWithoutRootCause() is { } missing) return missing;
        Record(TimelineEvent.ConfirmationRequested, actor, now, CaseStatus.AwaitingConfirmation, note);
        return Result.Success;
    }

    /// <summary>
    /// The customer's answer (R-WF-6): satisfied closes the case (and schedules its follow-up review when
    /// grade 1-2); not satisfied reopens it with the reason.
    /// </summary>
    public Result RecordConfirmation(Actor actor, DateTime now, bool satisfied, int? satisfaction, string? comment, CasePolicy policy)
    {
        if (Lifecycle.Check(CaseAction.RecordConfirmation, Status, actor) is { } error) return error;
        if (satisfaction is < 1 or > 5) return Error.Invalid("satisfaction_out_of_range", "Satisfaction is 1 to 5.", "satisfaction");
        if (!satisfied && string.IsNullOrWhiteSpace(comment))
            return Error.Invalid("reason_required", "Say why the customer is not satisfied.", "comment");
        if (satisfied && RepeatWithoutRootCause() is { } missing) return missing;
        Confirmation = new CustomerConfirmation
        {
            Satisfied = satisfied,
            Satisfaction = satisfaction,
            Comment = comment,
            RecordedAt = now,
            RecordedBy = actor.Name,
        };
        if (!satisfied)
        {
            Reopen(actor, now, comment!);
            return Result.Success;
        }
        Record(TimelineEvent.CustomerSatisfied, actor, now, text: comment, changes: new { satisfaction });
        Close(actor, now, policy);
        return Result.Success;
    }

    /// <summary>满意度 (R-AN-5): response speed, effect, attitude, transparency and overall, once per case.</summary>
    public Result RateHandling(Actor actor, DateTime now, int speed, int effect, int attitude, int transparency, int overall, string? comment)
    {
        if (Lifecycle.Check(CaseAction.RateHandling, Status, actor) is { } error) return error;
        if (Confirmation is null) return Error.Conflict("not_confirmed", "Only a case the customer confirmed can be rated.");
        if (Confirmation.Ratings is not null) return Error.Conflict("already_rated", "The handling of this case has been rated already.");
        var ratings = new HandlingRatings
        {
            Speed = speed, Effect = effect, Attitude = attitude, Transparency = transparency, Overall = overall,
            Comment = comment, RatedAt = now, RatedBy = actor.Name,
        };
        if (ratings.Scores.Any(r => r is < 1 or > 5)) return Error.Invalid("rating_out_of_range", "Each rating is 1 to 5.", "ratings");
        // A new object, so EF Core sees the JSON column change.
        Confirmation = new CustomerConfirmation
        {
            Satisfied = Confirmation.Satisfied, Satisfaction = Confirmation.Satisfaction, Comment = Confirmation.Comment,
            RecordedAt = Confirmation.RecordedAt, RecordedBy = Confirmation.RecordedBy, Ratings = ratings,
        };
        Record(TimelineEvent.HandlingRated, actor, now, text: comment, changes: new { speed, effect, attitude, transparency, overall });
        return Result.Success;
    }

    private void Close(Actor actor, DateTime now, CasePolicy policy)
    {
        ClosedAt = now;
        Record(TimelineEvent.Closed, actor, now, CaseStatus.Closed);
        if (!RequiresApproval) return;
        Review = new FollowUpReview { DueAt = now.AddMonths(policy.ReviewAfterMonths) };
        Record(TimelineEvent.ReviewScheduled, actor, now, changes: new { dueAt = Review.DueAt });
    }

    private void Reopen(Actor actor, DateTime now, string reason)
    {
        ReopenCount++;
        ClosedAt = null;
        Record(TimelineEvent.Reopened, actor, now, CaseStatus.Reopened, reason);
    }

    /// <summary>复查 (R-WF-7): a failed review reopens the case.</summary>
    public Result RecordReview(Actor actor, DateTime now, bool passed, string notes)
    {
        if (Lifecycle.Check(CaseAction.RecordReview, Status, actor) is { } error) return error;
        if (Review is null || Review.Passed is not null)
            return Error.Conflict("no_review_due", "This case has no follow-up review waiting.");
        Review.Passed = passed;
        Review.Notes = notes;
        Review.ReviewedAt = now;
        Review.ReviewedBy = actor.Name;
        Record(passed ? TimelineEvent.ReviewPassed : TimelineEvent.ReviewFailed, actor, now, text: notes);
        if (!passed) Reopen(actor, now, notes);
        return Result.Success;
    }

    public Result Withdraw(Actor actor, DateTime now, string reason)
    {
        if (Lifecycle.Check(CaseAction.Withdraw, Status, actor) is { } error) return error;
        WithdrawalReason = reason;
        ClosedAt = now;
        Record(TimelineEvent.Withdrawn, actor, now, CaseStatus.Withdrawn, reason);
        return Result.Success;
    }

    /// <summary>R-IN-5: out of scope; recorded, explained and referred, never dropped.</summary>
    public Result Refer(Actor actor, DateTime now, string referredTo, string reason)
    {
        if (Lifecycle.Check(CaseAction.Refer, Status, actor) is { } error) return error;
        Referral = new Referral { ReferredTo = referredTo, Reason = reason };
        ClosedAt = now;
        Record(TimelineEvent.Referred, actor, now, CaseStatus.Referred, reason, new { referredTo });
        return Result.Success;
    }

    public Result<Communication> AddCommunication(Actor actor, DateTime now, Direction direction, CommunicationMethod method, string summary, string? content)
    {
        if (Lifecycle.Check(CaseAction.AddCommunication, Status, actor) is { } error) return error;
        var communication = new Communication(actor, now, direction, method, summary, content);
        Communications.Add(communication);
        Record(TimelineEvent.CommunicationAdded, actor, now, text: summary, changes: new { direction, method });
        return communication;
    }

    public Result AddNote(Actor actor, DateTime now, string text)
    {
        if (Lifecycle.Check(CaseAction.AddNote, Status, actor) is { } error) return error;
        Record(TimelineEvent.NoteAdded, actor, now, text: text);
        return Result.Success;
    }

    public Result AddAttachment(Actor actor, DateTime now, Attachment attachment)
    {
        if (Lifecycle.Check(CaseAction.AddAttachment, Status, actor) is { } error) return error;
        Attachments.Add(attachment);
        Record(TimelineEvent.AttachmentAdded, actor, now, text: attachment.FileName,
            changes: new { attachment.ContentType, attachment.Size, attachment.Sha256 });
        return Result.Success;
    }
}
