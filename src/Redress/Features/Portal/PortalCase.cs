using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Redress.Data;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.Features.Portal;

public sealed record PortalEvent(DateTime At, TimelineEvent Event, CaseStatus? ToStatus, string? Text, bool FromCustomer);

/// <summary>The plan put to the customer: what will be done and paid, not who proposed or approved it.</summary>
public sealed record PortalPlan(string Measures, decimal? CompensationAmount, string? Currency, DateTime? Deadline);

/// <summary>The customer's own answer and survey, without the staff member who may have recorded it.</summary>
public sealed record PortalAnswer(bool Satisfied, string? Comment, DateTime RecordedAt, PortalRatings? Ratings);

public sealed record PortalRatings(int Speed, int Effect, int Attitude, int Transparency, int Overall, string? Comment, DateTime RatedAt);

/// <summary>The case as its customer sees it: no staff notes, no names of staff, no internal findings.</summary>
/// <param name="Id">Internal; the customer reaches the case by their link or look-up, never by id.</param>
/// <param name="ReplyBy">R-IN-4: when the customer was promised an answer, from the SLA policy.</param>
public sealed record PortalCaseView(
    [property: JsonIgnore] long Id, string Number, int Version, CaseStatus Status, string CustomerName, string Subject, string Description,
    DateTime CreatedAt, DateTime DueAt, DateTime ReplyBy,
    PortalPlan? Plan, PortalAnswer? Confirmation, Referral? Referral, IReadOnlyList<PortalEvent> Events,
    bool CanConfirm, bool CanRate, bool CanAnswer);

/// <summary>What the customer does on their case page: read it, answer questions, accept or reject the plan, rate.</summary>
public sealed class PortalCase(IDbContextFactory<RedressDb> dbs, CaseCommands commands, Redress.Domain.Cases.CasePolicy policy)
{
    /// <summary>Events the customer is told about. Notes, evidence, findings and internal steps stay inside.</summary>
    private static readonly HashSet<TimelineEvent> Told =
    [
        TimelineEvent.Registered, TimelineEvent.Acknowledged, TimelineEvent.Assigned, TimelineEvent.InvestigationStarted,
        TimelineEvent.SolutionProposed, TimelineEvent.ImplementationStarted, TimelineEvent.ConfirmationRequested,
        TimelineEvent.CustomerSatisfied, TimelineEvent.Reopened, TimelineEvent.Closed, TimelineEvent.Withdrawn,
        TimelineEvent.Referred, TimelineEvent.HandlingRated, TimelineEvent.ExtensionApproved,
    ];

    public async Task<PortalCaseView?> GetAsync(long caseId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var kase = await db.Cases.AsNoTracking().Include(c => c.Clocks).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (kase is null) return null;
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Id).ToListAsync(ct);
        var messages = await db.Communications.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.Method == CommunicationMethod.Portal).OrderBy(m => m.Id).ToListAsync(ct);
        var events = timeline.Where(t => Told.Contains(t.Event))
            .Select(t => new PortalEvent(t.At, t.Event, t.FromStatus == t.ToStatus ? null : t.ToStatus, t.Event == TimelineEvent.Referred ? t.Text : null, t.ActorId == "customer"))
            .Concat(messages.Select(m => new PortalEvent(m.At, TimelineEvent.CommunicationAdded, null, m.Content ?? m.Summary, m.Direction == Direction.Inbound)))
            .OrderBy(e => e.At).ToList();
        var customer = Actor.Customer(kase.Customer.Name, kase.Id);
        var actions = kase.AvailableActions(customer).ToHashSet();
        return new PortalCaseView(kase.Id, kase.Number, kase.Version, kase.Status, kase.Customer.Name, kase.Subject, kase.Description, kase.CreatedAt, kase.DueAt, kase.PromisedReplyAt,
            kase.Status == CaseStatus.AwaitingConfirmation && kase.Solution is { } p ? new PortalPlan(p.Measures, p.CompensationAmount, p.Currency, p.Deadline) : null,
            kase.Confirmation is { } a ? new PortalAnswer(a.Satisfied, a.Comment, a.RecordedAt, a.Ratings is { } r
                ? new PortalRatings(r.Speed, r.Effect, r.Attitude, r.Transparency, r.Overall, r.Comment, r.RatedAt) : null) : null,
            kase.Referral, events,
            actions.Contains(CaseAction.RecordConfirmation),
            actions.Contains(CaseAction.RateHandling) && kase.Confirmation is { Ratings: null },
            kase.IsOpen);
    }

    /// <summary>A message from the customer while the case is open; a closed case is answered by filing anew.</summary>
    public async Task<Result<CaseDetails>> AnswerAsync(PortalCaseView view, string text, CancellationToken ct)
    {
        if (!view.CanAnswer) return Error.Conflict("case_closed", "The case is closed; please file a new complaint.");
        return await Run(view.Id, view.CustomerName, null,
            CaseChanges.AddCommunication(new CommunicationRequest(Direction.Inbound, CommunicationMethod.Portal, Summary(text), text)), ct, appendOnly: true);
    }

    public Task<Result<CaseDetails>> ConfirmAsync(long caseId, string name, int version, ConfirmationRequest answer, CancellationToken ct) =>
        Run(caseId, name, version, CaseChanges.RecordConfirmation(answer, policy), ct);

    public Task<Result<CaseDetails>> RateAsync(long caseId, string name, int version, RatingRequest rating, CancellationToken ct) =>
        Run(caseId, name, version, CaseChanges.RateHandling(rating), ct);

    private Task<Result<CaseDetails>> Run(long caseId, string name, int? version, CaseChanges.Change change, CancellationToken ct, bool appendOnly = false)
    {
        var customer = Actor.Customer(name, caseId);
        return commands.RunAsync(caseId, version, customer, (c, now) => change(c, customer, now), ct, appendOnly);
    }

    private static string Summary(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
