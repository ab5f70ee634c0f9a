using System.ComponentModel.DataAnnotations;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;

namespace Redress.Features.Incidents;

public sealed record IncidentSummary(
    long Id, string Label, GroupKeyKind KeyKind, IncidentStatus Status, string? OwnerName, DateTime OpenedAt, DateTime UpdatedAt,
    int Cases, int Customers);

public sealed record IncidentCaseRow(long CaseId, string Number, string Subject, CaseStatus Status, int Grade, DateTime CreatedAt, DateTime JoinedAt);

public sealed record IncidentUpdateItem(long Id, DateTime At, IncidentEvent Event, string ActorName, IncidentStatus? FromStatus, IncidentStatus? ToStatus, string? Text);

/// <param name="Cases">The linked cases the reader may see (all of them, outside department scope).</param>
/// <param name="CaseCount">Every linked case, seen or not.</param>
public sealed record IncidentDetails(
    long Id, string Label, GroupKeyKind KeyKind, string GroupKey, IncidentStatus Status, int Version,
    string? OwnerId, string? OwnerName, string? Summary,
    DateTime OpenedAt, DateTime? ContainedAt, DateTime? ResolvedAt, DateTime? ClosedAt, DateTime UpdatedAt,
    int CaseCount, int Customers, IReadOnlyList<IncidentCaseRow> Cases, IReadOnlyList<IncidentUpdateItem> Updates, bool CanManage);

/// <summary>A case's incident, for the link on the case page.</summary>
public sealed record CaseIncident(long Id, string Label, IncidentStatus Status);

public sealed record AssignOwnerRequest([property: Required, StringLength(64, MinimumLength = 1)] string UserId);

public sealed record IncidentNoteRequest([property: StringLength(4_000)] string? Note);

public sealed record ResolveIncidentRequest([property: Required, StringLength(4_000, MinimumLength = 1)] string Summary);

public sealed record ReopenIncidentRequest([property: Required, StringLength(4_000, MinimumLength = 1)] string Reason);

public sealed record IncidentUpdateRequest([property: Required, StringLength(4_000, MinimumLength = 1)] string Text);

/// <summary>The one message to every affected customer: a subject line and the text.</summary>
public sealed record MessageCustomersRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Summary,
    [property: Required, StringLength(4_000, MinimumLength = 1)] string Content);

/// <summary>How many customers were written to, and how: by mail, on the portal, by letter for the handler to send.</summary>
public sealed record MessageSent(IncidentDetails Incident, int Cases, int ByEmail, int OnPortal, int ByLetter);
