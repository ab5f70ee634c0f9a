using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Domain;
using Redress.Domain.Incidents;
using Redress.Web;

namespace Redress.Features.Incidents;

/// <summary>
/// Group complaints and their incidents (issue 5 part 6, seed 003 ch.7): the routes call the same use cases as
/// the /incidents pages. Changes need the incident's ETag in If-Match, except status notes, which only add.
/// </summary>
public static class IncidentsApi
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Triage:Group").Get<GroupPolicy>() ?? new GroupPolicy());
        services.AddSingleton<DetectGroupComplaint>();
        services.AddSingleton<OpenIncident>();
        services.AddSingleton<ReadIncidents>();
        services.AddSingleton<ManageIncident>();
        services.AddSingleton<MessageCustomers>();
        return services;
    }

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id:long}/incident", async Task<Results<Ok<CaseIncident>, ProblemHttpResult>> (long id, ReadIncidents read, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await read.ForCaseAsync(id, user.ToActor(), ct))).WithTags("Incidents")
            .WithSummary("The incident the case belongs to (404 when none).");

        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", async Task<Results<Ok<List<IncidentSummary>>, ProblemHttpResult>> (IncidentStatus? status, ReadIncidents read, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await read.ListAsync(user.ToActor(), status, ct)))
            .WithSummary("Incidents, running ones first, newest first (at most 200), with their counts of cases and distinct customers.");
        incidents.MapGet("/{id:long}", async (long id, ReadIncidents read, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await read.GetAsync(id, user.ToActor(), ct)))
            .WithSummary("An incident with its cases and its history; the ETag is its version.");
        incidents.MapPost("/{id:long}/owner", async (long id, AssignOwnerRequest body, ManageIncident manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await manage.AssignOwnerAsync(id, ETags.IfMatch(http.Request), user.ToActor(), body, ct)))
            .WithSummary("负责人: a lead, quality manager or executive runs the incident (If-Match).");
        incidents.MapPost("/{id:long}/contain", (long id, IncidentNoteRequest body, ManageIncident manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, manage, id, user, ManageIncident.Contain(body), ct)).WithSummary("控制: the cause is held (If-Match).");
        incidents.MapPost("/{id:long}/resolve", (long id, ResolveIncidentRequest body, ManageIncident manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, manage, id, user, ManageIncident.Resolve(body), ct)).WithSummary("恢复: resolved, with the summary of what happened, the cause and what changes (If-Match).");
        incidents.MapPost("/{id:long}/reopen", (long id, ReopenIncidentRequest body, ManageIncident manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, manage, id, user, ManageIncident.Reopen(body), ct)).WithSummary("The trouble came back: a resolved incident runs again (If-Match).");
        incidents.MapPost("/{id:long}/close", (long id, IncidentNoteRequest body, ManageIncident manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            Change(http, manage, id, user, ManageIncident.Close(body), ct)).WithSummary("Closed after the follow-up; new complaints then open a new incident (If-Match).");
        incidents.MapPost("/{id:long}/updates", async (long id, IncidentUpdateRequest body, ManageIncident manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await manage.RunAsync(id, ETags.IfMatch(http.Request), user.ToActor(), ManageIncident.AddNote(body), ct, appendOnly: true)))
            .WithSummary("A status update: a timestamped note by its author (If-Match optional).");
        incidents.MapPost("/{id:long}/message", async Task<Results<Ok<MessageSent>, ProblemHttpResult>> (long id, MessageCustomersRequest body, MessageCustomers message, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        {
            var sent = await message.HandleAsync(id, ETags.IfMatch(http.Request), user.ToActor(), body, ct);
            if (!sent.IsSuccess) return Problems.From(sent.Error!);
            http.Response.Headers.ETag = ETags.For(sent.Value.Incident.Version);
            return TypedResults.Ok(sent.Value);
        }).WithSummary("One message to every affected customer: a copy on each linked case's contact log, mailed where there is an address (If-Match).");
        return incidents;
    }

    private static async Task<Results<Ok<IncidentDetails>, ProblemHttpResult>> Change(HttpContext http, ManageIncident manage, long id, ClaimsPrincipal user, ManageIncident.Change change, CancellationToken ct) =>
        WithETag(http, await manage.RunAsync(id, ETags.IfMatch(http.Request), user.ToActor(), change, ct));

    private static Results<Ok<IncidentDetails>, ProblemHttpResult> WithETag(HttpContext http, Result<IncidentDetails> result)
    {
        if (!result.IsSuccess) return Problems.From(result.Error!);
        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static Results<Ok<T>, ProblemHttpResult> Respond<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error!);
}
