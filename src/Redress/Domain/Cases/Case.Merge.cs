namespace Redress.Domain.Cases;

// Issue 5 parts 4-5: repeat complaints need their root cause before they close, and a duplicate is merged into the
// case that goes on. Both timelines stay as they are; each says what happened, naming the other case.
public sealed partial class Case
{
    /// <summary>The case this duplicate was merged into (its number too: numbers never change, and pages show it).</summary>
    public long? MergedIntoId { get; private set; }
    public string? MergedIntoNumber { get; private set; }

    /// <summary>
    /// Seed 001 p6: a repeat complaint is solved at its root (需解决根本原因). Refused first when the plan is proposed, while
    /// findings can still be recorded; then, for a case flagged repeat after its plan, when the customer is asked to
    /// confirm and when their satisfied answer would close it.
    /// </summary>
    private Error? RepeatWithoutRootCause() =>
        Flags.HasFlag(CaseFlags.Repeat) && string.IsNullOrWhiteSpace(Investigation?.RootCause)
            ? Error.Conflict("root_cause_required", "This is a repeat complaint: record its root cause in the findings before it is closed.")
            : null;

    /// <summary>
    /// Closes this case as a duplicate of <paramref name="survivor"/>. Merging ends a case the way withdrawing does, so
    /// the same roles may do it from the same states; the survivor must still be open to take the complaint over.
    /// </summary>
    public Result MergeInto(Case survivor, Actor actor, DateTime now)
    {
        if (Lifecycle.Check(CaseAction.Withdraw, Status, actor) is { } error) return error;
        if (ReferenceEquals(survivor, this) || (Id != 0 && survivor.Id == Id)) return Error.Invalid("merge_into_itself", "A case cannot be merged into itself.", "intoCaseId");
        if (!survivor.IsOpen)
            return Error.Conflict("survivor_not_open", $"Case {survivor.Number} is {survivor.Status}; merge only into an open case.");
        (MergedIntoId, MergedIntoNumber, ClosedAt) = (survivor.Id, survivor.Number, now);
        Record(TimelineEvent.MergedInto, actor, now, CaseStatus.Merged, survivor.Number, new { intoCaseId = survivor.Id });
        survivor.Record(TimelineEvent.CaseMerged, actor, now, text: Number, changes: new { mergedCaseId = Id });
        return Result.Success;
    }

    /// <summary>A person decided the suggested duplicate is not one; recorded, the case itself unchanged.</summary>
    public Result DismissDuplicate(Actor actor, DateTime now, string otherNumber)
    {
        if (Lifecycle.Check(CaseAction.Classify, Status, actor) is { } error) return error;
        Timeline.Add(new TimelineEntry(TimelineEvent.DuplicateDismissed, actor, now, Status, null, otherNumber, null));
        return Result.Success;
    }
}
