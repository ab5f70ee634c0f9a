using Redress.Domain.Cases;

namespace Redress.Features.Cases;

/// <summary>
/// What the case page's action forms edit. Forms need settable fields; the request records the API binds
/// are immutable. <see cref="RequestFor"/> turns the input into that request, whose own DataAnnotations
/// then decide whether it is valid.
/// </summary>
public sealed class ActionInput
{
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public string? Text { get; set; }
    public int? CategoryId { get; set; }
    public int? Grade { get; set; }
    public IReadOnlyCollection<CaseFlags> Flags { get; set; } = [];
    public int? DepartmentId { get; set; }
    public string? HandlerId { get; set; }
    public string? Facts { get; set; }
    public RootCauseMethod? RootCauseMethod { get; set; }
    public string? RootCause { get; set; }
    public FishboneFactor? FishboneFactor { get; set; }
    public int? ResponsibleDepartmentId { get; set; }
    public string? ResponsiblePersonName { get; set; }
    public string? Measures { get; set; }
    public decimal? CompensationAmount { get; set; }
    public string? Currency { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateTime? Deadline { get; set; }
    public bool? Satisfied { get; set; }
    /// <summary>The rating control's value; 0 is "not rated".</summary>
    public int SatisfactionValue { get; set; }
    public string? Comment { get; set; }
    public bool? Passed { get; set; }
    public string? Notes { get; set; }
    public string? ReferredTo { get; set; }
    public Direction? Direction { get; set; }
    public CommunicationMethod? Method { get; set; }
    public string? Summary { get; set; }
    public string? Content { get; set; }
    public string? Description { get; set; }
    public int Speed { get; set; }
    public int Effect { get; set; }
    public int Attitude { get; set; }
    public int Transparency { get; set; }
    public int Overall { get; set; }
    public string? Source { get; set; }

    /// <param name="zone">The reader's time zone: a deadline picked as a date means the end of that day there.</param>
    public object RequestFor(CaseAction action, TimeZoneInfo zone) => action switch
    {
        CaseAction.Reject or CaseAction.Withdraw or CaseAction.RequestExtension or CaseAction.RejectExtension => new ReasonRequest(Trim(Reason)!),
        CaseAction.AddNote => new TextRequest(Trim(Text)!),
        CaseAction.Refer => new ReferRequest(Trim(ReferredTo)!, Trim(Reason)!),
        CaseAction.Classify => new ClassifyRequest(CategoryId, Grade, [.. Flags], Trim(Reason)),
        CaseAction.Assign => new AssignRequest(DepartmentId, null, HandlerId, Trim(Note)),
        CaseAction.RecordFindings => new FindingsRequest(Trim(Facts)!, RootCauseMethod, Trim(RootCause), null,
            RootCauseMethod == Domain.Cases.RootCauseMethod.Fishbone ? FishboneFactor : null,
            ResponsibleDepartmentId is null && Trim(ResponsiblePersonName) is null ? null : [new ResponsibilityInput(ResponsibleDepartmentId, Trim(ResponsiblePersonName), 100)]),
        CaseAction.ProposeSolution => new SolutionRequest(Trim(Measures)!, CompensationAmount, CompensationAmount is null ? null : Trim(Currency),
            Trim(ResponsiblePerson)!, Deadline is { } d ? EndOfDay(d, zone) : null),
        CaseAction.RecordConfirmation => new ConfirmationRequest(Satisfied, SatisfactionValue == 0 ? null : SatisfactionValue, Trim(Comment)),
        CaseAction.RecordReview => new ReviewRequest(Passed, Trim(Notes)!),
        CaseAction.RateHandling => new RatingRequest(Rated(Speed), Rated(Effect), Rated(Attitude), Rated(Transparency), Rated(Overall), Trim(Comment)),
        CaseAction.AddCommunication => new CommunicationRequest(Direction, Method, Trim(Summary)!, Trim(Content)),
        CaseAction.AddEvidence => new EvidenceRequest(Trim(Description)!, Trim(Source), null),
        _ => new NoteRequest(Trim(Note)),
    };

    /// <summary>The rating control's 0 is "not rated", which the request's Required attribute refuses.</summary>
    private static int? Rated(int stars) => stars == 0 ? null : stars;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset EndOfDay(DateTime date, TimeZoneInfo zone)
    {
        var local = date.Date.AddDays(1).AddTicks(-1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
