using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Sla;
using Redress.Web;

namespace Redress.Features.Cases;

public static class CasesApi
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Cases").Get<CasePolicy>() ?? CasePolicy.Default);
        services.AddSingleton(config.GetSection("Numbering").Get<Data.NumberingOptions>() ?? new Data.NumberingOptions());
        services.AddSingleton(config.GetSection("Attachments").Get<AttachmentOptions>() ?? new AttachmentOptions());
        services.AddSingleton<Data.CaseNumbers>();
        services.AddSingleton<Data.GroupCommit>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<CaseReads>();
        services.AddSingleton<RegisterCase>();
        services.AddSingleton<ListCases>();
        services.AddSingleton<ListPendingApprovals>();
        services.AddSingleton<AssignCase>();
        services.AddSingleton<AddAttachment>();
        services.AddSingleton<SavedViews>();
        return services;
    }

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapPost("/", Register).WithSummary("Register a complaint (受理). Send Idempotency-Key to make retries safe.");
        cases.MapGet("/", async Task<Results<Ok<CasePage>, ProblemHttpResult>> ([AsParameters] CaseListQuery query, ListCases list, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await list.HandleAsync(query, user.ToActor(), ct))).WithSummary("List and search cases: filters, sort, keyset pages.");
        cases.MapGet("/{id:long}", async (long id, CaseReads reads, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await reads.GetAsync(id, user.ToActor(), ct)));
        cases.MapGet("/by-number/{number}", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (string number, CaseReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            await reads.FindByNumberAsync(number, user.ToActor(), ct) is { IsSuccess: true } found
                ? TypedResults.Redirect($"/api/v1/cases/{found.Value}")
                : Problems.From(Error.NotFound("Case")));
        cases.MapGet("/{id:long}/timeline", async (long id, CaseReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await reads.TimelineAsync(id, user.ToActor(), ct)));
        cases.MapGet("/{id:long}/communications", async (long id, CaseReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await reads.CommunicationsAsync(id, user.ToActor(), ct)));
        cases.MapGet("/{id:long}/attachments", async (long id, CaseReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await reads.AttachmentsAsync(id, user.ToActor(), ct)));
        cases.MapGet("/{id:long}/attachments/{attachmentId:long}", Download);
        cases.MapPost("/{id:long}/customer/reveal", async (long id, CaseReads reads, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await reads.RevealCustomerAsync(id, user.ToActor(), ct)))
            .WithSummary("The customer's personal data unmasked (R-SEC-2); the view is recorded on the timeline.");
        cases.MapPost("/{id:long}/attachments", Upload).DisableAntiforgery();

        // One endpoint per lifecycle action (R-WF-1). Each takes a JSON body ({} when there is nothing to
        // say). State changes need If-Match; appends (evidence, communications, notes) do not.
        cases.MapPost("/{id:long}/acknowledge", (long id, NoteRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Acknowledge(body), ct));
        cases.MapPost("/{id:long}/classify", (long id, ClassifyRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Classify(body), ct));
        cases.MapPost("/{id:long}/assign", async (long id, AssignRequest body, AssignCase assign, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await assign.HandleAsync(id, ETags.IfMatch(http.Request), body, user.ToActor(), ct)));
        cases.MapPost("/{id:long}/start-investigation", (long id, NoteRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.StartInvestigation(body), ct));
        cases.MapPost("/{id:long}/findings", (long id, FindingsRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.RecordFindings(body), ct));
        cases.MapPost("/{id:long}/evidence", (long id, EvidenceRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.AddEvidence(body), ct, appendOnly: true));
        cases.MapPost("/{id:long}/propose-solution", (long id, SolutionRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.ProposeSolution(body), ct));
        cases.MapPost("/{id:long}/approve", (long id, NoteRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Approve(body), ct));
        cases.MapPost("/{id:long}/reject", (long id, ReasonRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Reject(body), ct));
        cases.MapPost("/{id:long}/implement", (long id, NoteRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Implement(body), ct));
        cases.MapPost("/{id:long}/request-confirmation", (long id, NoteRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.RequestConfirmation(body), ct));
        cases.MapPost("/{id:long}/confirmation", (long id, ConfirmationRequest body, CaseCommands cmd, CasePolicy policy, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.RecordConfirmation(body, policy), ct));
        cases.MapPost("/{id:long}/rating", (long id, RatingRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.RateHandling(body), ct))
            .WithSummary("The customer's survey of the handling (R-AN-5), once, after closing.");
        cases.MapPost("/{id:long}/review", (long id, ReviewRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.RecordReview(body), ct));
        cases.MapPost("/{id:long}/withdraw", (long id, ReasonRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Withdraw(body), ct));
        cases.MapPost("/{id:long}/refer", (long id, ReferRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.Refer(body), ct));
        cases.MapPost("/{id:long}/communications", (long id, CommunicationRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.AddCommunication(body), ct, appendOnly: true));
        cases.MapPost("/{id:long}/notes", (long id, TextRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.AddNote(body), ct, appendOnly: true));

        // R-SLA-5: more time for the resolution, asked by the handler and decided by the step's approver.
        cases.MapPost("/{id:long}/extension", async (long id, ReasonRequest body, CaseCommands cmd, SlaSettings sla, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            await Change(http, cmd, id, user, CaseChanges.RequestExtension(body, await sla.GetAsync(ct)), ct))
            .WithSummary("Ask for the next extension step of the resolution limit that the SLA profile allows.");
        cases.MapPost("/{id:long}/extension/approve", async (long id, NoteRequest body, CaseCommands cmd, SlaSettings sla, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            await Change(http, cmd, id, user, CaseChanges.ApproveExtension(body, await sla.GetAsync(ct)), ct))
            .WithSummary("Grant the pending extension (its step names the approving role); the customer is told when the step says so.");
        cases.MapPost("/{id:long}/extension/reject", (long id, ReasonRequest body, CaseCommands cmd, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, cmd, id, user, CaseChanges.RejectExtension(body), ct));

        api.MapGet("/customers/history", async (string? phone, string? email, string? customerId, string? name, CaseReads reads, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await reads.CustomerHistoryAsync(phone, email, customerId, name, user.ToActor(), ct)))
            .WithTags("Cases").WithSummary("The customer's earlier cases (R-IN-6), by phone, email or customer id; by exact name when none of those is given.");
        MapSavedViews(api);
        return cases;
    }

    /// <summary>The signed-in user's own saved queue views; nobody else's are ever listed or deleted.</summary>
    private static void MapSavedViews(RouteGroupBuilder api)
    {
        var views = api.MapGroup("/me/views").WithTags("Saved views");
        views.MapGet("/", async (SavedViews saved, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await saved.ListAsync(user.ToActor(), ct)))
            .WithSummary("Your saved views with the number of cases each finds now (none for a search).");
        views.MapPost("/", async Task<Results<Created<SavedViewItem>, ProblemHttpResult>> (SaveViewInput body, SavedViews saved, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await saved.SaveAsync(body, user.ToActor(), ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/me/views/{result.Value.Id}", result.Value) : Problems.From(result.Error!);
        })
            .WithSummary("Save the queue page's query string (queue, q, status, grade, channel, category, sort) under a name.");
        views.MapDelete("/{id:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, SavedViews saved, ClaimsPrincipal user, CancellationToken ct) =>
            await saved.DeleteAsync(id, user.ToActor(), ct) is { IsSuccess: false } failed ? Problems.From(failed.Error!) : TypedResults.NoContent());
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> Change(
        HttpContext http, CaseCommands commands, long id, ClaimsPrincipal user, CaseChanges.Change change, CancellationToken ct, bool appendOnly = false)
    {
        var actor = user.ToActor();
        return WithETag(http, await commands.RunAsync(id, ETags.IfMatch(http.Request), actor, (c, now) => change(c, actor, now), ct, appendOnly));
    }

    private static async Task<Results<Created<CaseDetails>, Ok<CaseDetails>, ProblemHttpResult>> Register(
        RegisterCaseRequest body, RegisterCase register, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 128) return Problems.From(Error.Invalid("idempotency_key_too_long", "Idempotency-Key is at most 128 characters.", "Idempotency-Key"));
        // The same key with a different request is refused, so the request is fingerprinted when a key comes with it.
        var hash = key.Length == 0 ? null : RegisterCase.Fingerprint(body);
        var result = await register.HandleAsync(body, user.ToActor(), key.Length == 0 ? null : key, hash, ct);
        if (!result.IsSuccess) return Problems.From(result.Error!);
        var (details, replayed) = result.Value;
        http.Response.Headers.ETag = ETags.For(details.Version);
        if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/v1/cases/{details.Id}", details);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(long id, long attachmentId, CaseReads reads, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var result = await reads.DownloadAsync(id, attachmentId, user.ToActor(), ct);
        if (!result.IsSuccess) return Problems.From(result.Error!);
        var (meta, bytes) = result.Value;
        // Served as a download with sniffing off: a file from a customer must never run as a page of ours.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        return TypedResults.File(bytes, meta.ContentType, meta.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{meta.Sha256}\""));
    }

    private static async Task<Results<Created<AttachmentItem>, ProblemHttpResult>> Upload(long id, IFormFile file, AddAttachment add, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var result = await add.HandleAsync(id, file, user.ToActor(), ct);
        if (!result.IsSuccess) return Problems.From(result.Error!);
        http.Response.Headers.ETag = ETags.For(result.Value.Case.Version);
        return TypedResults.Created($"/api/v1/cases/{id}/attachments/{result.Value.Attachment.Id}", result.Value.Attachment);
    }

    private static Results<Ok<CaseDetails>, ProblemHttpResult> WithETag(HttpContext http, Result<CaseDetails> result)
    {
        if (!result.IsSuccess) return Problems.From(result.Error!);
        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static Results<Ok<T>, ProblemHttpResult> Respond<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error!);
}
