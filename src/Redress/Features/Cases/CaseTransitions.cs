using System.ComponentModel.DataAnnotations;
using Redress.Domain.Cases;

namespace Redress.Features.Cases;

// Request bodies of the lifecycle actions that need nothing beyond the case itself. Each maps to one
// Case method through CaseCommands in CasesApi; the rules are in Domain/Cases.

public sealed record NoteRequest([property: StringLength(2_000)] string? Note);

public sealed record TextRequest([property: Required, StringLength(5_000, MinimumLength = 1)] string Text);

public sealed record ReasonRequest([property: Required, StringLength(2_000, MinimumLength = 1)] string Reason);

public sealed record ClassifyRequest(
    int? CategoryId,
    [property: Required, Range(1, 4)] int? Grade,
    [property: MaxLength(5)] List<CaseFlags>? Flags,
    [property: StringLength(2_000)] string? Reason);

public sealed record ResponsibilityInput(int? DepartmentId, [property: StringLength(100)] string? Person, [property: Range(0.01, 100)] decimal SharePercent);

public sealed record FindingsRequest(
    [property: Required, StringLength(10_000, MinimumLength = 1)] string Facts,
    RootCauseMethod? RootCauseMethod,
    [property: StringLength(2_000)] string? RootCause,
    [property: MaxLength(10)] List<string>? Whys,
    FishboneFactor? FishboneFactor,
    [property: MaxLength(20)] List<ResponsibilityInput>? Responsibilities);

public sealed record EvidenceRequest(
    [property: Required, StringLength(2_000, MinimumLength = 1)] string Description,
    [property: StringLength(200)] string? Source,
    long? AttachmentId);

public sealed record SolutionRequest(
    [property: Required, StringLength(5_000, MinimumLength = 1)] string Measures,
    [property: Range(0, 100_000_000)] decimal? CompensationAmount,
    [property: StringLength(3, MinimumLength = 3)] string? Currency,
    [property: Required, StringLength(100, MinimumLength = 1)] string ResponsiblePerson,
    DateTimeOffset? Deadline);

public sealed record ConfirmationRequest(
    [property: Required] bool? Satisfied,
    [property: Range(1, 5)] int? Satisfaction,
    [property: StringLength(2_000)] string? Comment);

public sealed record RatingRequest(
    [property: Required, Range(1, 5)] int? Speed,
    [property: Required, Range(1, 5)] int? Effect,
    [property: Required, Range(1, 5)] int? Attitude,
    [property: Required, Range(1, 5)] int? Transparency,
    [property: Required, Range(1, 5)] int? Overall,
    [property: StringLength(2_000)] string? Comment);

public sealed record ReviewRequest(
    [property: Required] bool? Passed,
    [property: Required, StringLength(2_000, MinimumLength = 1)] string Notes);

public sealed record ReferRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string ReferredTo,
    [property: Required, StringLength(2_000, MinimumLength = 1)] string Reason);

public sealed record CommunicationRequest(
    [property: Required] Direction? Direction,
    [property: Required] CommunicationMethod? Method,
    [property: Required, StringLength(500, MinimumLength = 1)] string Summary,
    [property: StringLength(10_000)] string? Content);

public sealed record AssignRequest(
    [property: Required] int? DepartmentId,
    [property: MaxLength(10)] List<int>? AssistingDepartmentIds,
    [property: StringLength(64)] string? HandlerId,
    [property: StringLength(2_000)] string? Note);

internal static class TransitionMapping
{
    public static Findings ToFindings(this FindingsRequest r) => new(
        r.Facts, r.RootCauseMethod, r.RootCause, r.Whys ?? [], r.FishboneFactor,
        [.. (r.Responsibilities ?? []).Select(x => new Responsibility { DepartmentId = x.DepartmentId, Person = x.Person, SharePercent = x.SharePercent })]);

    public static PlanProposal ToPlan(this SolutionRequest r) =>
        new(r.Measures, r.CompensationAmount, r.Currency, r.ResponsiblePerson, r.Deadline?.UtcDateTime);

    public static CaseFlags ToFlags(this IEnumerable<CaseFlags>? flags) => flags?.Aggregate(CaseFlags.None, (all, f) => all | f) ?? CaseFlags.None;
}
