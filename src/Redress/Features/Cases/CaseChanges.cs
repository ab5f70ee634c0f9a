using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Domain.Sla;

namespace Redress.Features.Cases;

/// <summary>
/// Each lifecycle request as the change it makes to a case. The API endpoints and the case page both run
/// these through <see cref="CaseCommands"/>, so the rules, checks and timeline entries are the same
/// whichever door a change comes through.
/// </summary>
public static class CaseChanges
{
    public delegate Result Change(Case kase, Actor actor, DateTime now);

    public static Change Acknowledge(NoteRequest r) => (c, a, now) => c.Acknowledge(a, now, r.Note);

    public static Change Classify(ClassifyRequest r) =>
        (c, a, now) => c.Classify(a, now, r.CategoryId, r.Grade!.Value, r.Flags.ToFlags(), r.Reason);

    public static Change StartInvestigation(NoteRequest r) => (c, a, now) => c.StartInvestigation(a, now, r.Note);

    public static Change RecordFindings(FindingsRequest r) => (c, a, now) => c.RecordFindings(a, now, r.ToFindings());

    public static Change AddEvidence(EvidenceRequest r) => (c, a, now) => c.AddEvidence(a, now, r.Description, r.Source, r.AttachmentId);

    public static Change ProposeSolution(SolutionRequest r) => (c, a, now) => c.ProposeSolution(a, now, r.ToPlan());

    public static Change Approve(NoteRequest r) => (c, a, now) => c.Approve(a, now, r.Note);

    public static Change Reject(ReasonRequest r) => (c, a, now) => c.Reject(a, now, r.Reason);

    public static Change Implement(NoteRequest r) => (c, a, now) => c.Implement(a, now, r.Note);

    public static Change RequestConfirmation(NoteRequest r) => (c, a, now) => c.RequestConfirmation(a, now, r.Note);

    public static Change RecordConfirmation(ConfirmationRequest r, CasePolicy policy) =>
        (c, a, now) => c.RecordConfirmation(a, now, r.Satisfied!.Value, r.Satisfaction, r.Comment, policy);

    public static Change RateHandling(RatingRequest r) =>
        (c, a, now) => c.RateHandling(a, now, r.Speed!.Value, r.Effect!.Value, r.Attitude!.Value, r.Transparency!.Value, r.Overall!.Value, r.Comment);

    public static Change RecordReview(ReviewRequest r) => (c, a, now) => c.RecordReview(a, now, r.Passed!.Value, r.Notes);

    public static Change Withdraw(ReasonRequest r) => (c, a, now) => c.Withdraw(a, now, r.Reason);

    public static Change Refer(ReferRequest r) => (c, a, now) => c.Refer(a, now, r.ReferredTo, r.Reason);

    public static Change AddCommunication(CommunicationRequest r) =>
        (c, a, now) => c.AddCommunication(a, now, r.Direction!.Value, r.Method!.Value, r.Summary, r.Content).Error ?? Result.Success;

    public static Change AddNote(TextRequest r) => (c, a, now) => c.AddNote(a, now, r.Text);

    public static Change RequestExtension(ReasonRequest r, SlaRules rules) => (c, a, now) => c.RequestExtension(a, now, r.Reason, rules.Profile);

    public static Change ApproveExtension(NoteRequest r, SlaRules rules) => (c, a, now) => c.ApproveExtension(a, now, r.Note, rules);

    public static Change RejectExtension(ReasonRequest r) => (c, a, now) => c.RejectExtension(a, now, r.Reason);

    /// <summary>Appends add to a case without overwriting anything, so they may come without If-Match.</summary>
    public static bool IsAppendOnly(CaseAction action) =>
        action is CaseAction.AddEvidence or CaseAction.AddCommunication or CaseAction.AddNote or CaseAction.AddAttachment;
}
