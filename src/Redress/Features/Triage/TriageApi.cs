using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Domain;
using Redress.Domain.Triage;
using Redress.Features.Cases;
using Redress.Web;

namespace Redress.Features.Triage;

/// <summary>
/// Triage (R-CL-3, R-CL-6): a case's suggestion and a person's answer to it, and the keyword rules
/// administrators keep. Every route calls the same use case as the case page's panel and /admin/triage/rules.
/// </summary>
public static class TriageApi
{
    public static IServiceCollection AddTriage(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Triage:ContactFrequency").Get<ContactFrequency>() ?? new ContactFrequency());
        services.AddSingleton<TriageRules>();
        services.AddSingleton<SuggestTriage>();
        services.AddSingleton<ReadTriage>();
        services.AddSingleton<DecideTriage>();
        services.AddSingleton<ManageTriageRules>();
        return services;
    }

    public static RouteGroupBuilder MapTriageApi(this RouteGroupBuilder api)
    {
        var triage = api.MapGroup("/cases/{id:long}/triage").WithTags("Triage");
        triage.MapGet("/", async Task<Results<Ok<TriageView>, ProblemHttpResult>> (long id, ReadTriage read, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await read.GetAsync(id, user.ToActor(), ct)))
            .WithSummary("The suggestion made at registration: category, grade, flags and sentiment, each with its confidence and reasons.");
        triage.MapPost("/accept", async (long id, AcceptTriageRequest body, DecideTriage decide, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await decide.AcceptAsync(id, ETags.IfMatch(http.Request), body, user.ToActor(), ct)))
            .WithSummary("Classify the case as suggested (If-Match: the case's ETag). The answer is kept as training data.");
        triage.MapPost("/correct", async (long id, CorrectTriageRequest body, DecideTriage decide, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await decide.CorrectAsync(id, ETags.IfMatch(http.Request), body, user.ToActor(), ct)))
            .WithSummary("Classify the case otherwise than suggested (If-Match: the case's ETag). The correction is kept as training data.");

        var rules = api.MapGroup("/admin/triage/rules").WithTags("Triage").RequireAuthorization("Admin");
        rules.MapGet("/", async (ManageTriageRules manage, CancellationToken ct) => TypedResults.Ok(await manage.ListAsync(ct)))
            .WithSummary("Every keyword rule, active first, by priority.");
        rules.MapPost("/", async Task<Results<Created<TriageRuleItem>, ProblemHttpResult>> (TriageRuleInput body, ManageTriageRules manage, ClaimsPrincipal user, CancellationToken ct) =>
            await manage.CreateAsync(body, user.ToActor(), ct) is var created && created.IsSuccess
                ? TypedResults.Created($"/api/v1/admin/triage/rules/{created.Value.Id}", created.Value)
                : Problems.From(created.Error!))
            .WithSummary("A rule: words (one per line, * for any ending) or a regular expression, and what a match sets. Apply: set its grade and flags at registration.");
        rules.MapPut("/{ruleId:int}", async Task<Results<Ok<TriageRuleItem>, ProblemHttpResult>> (int ruleId, TriageRuleInput body, ManageTriageRules manage, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await manage.UpdateAsync(ruleId, body, user.ToActor(), ct)));
        rules.MapPost("/{ruleId:int}/disable", async Task<Results<Ok<TriageRuleItem>, ProblemHttpResult>> (int ruleId, ManageTriageRules manage, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await manage.DisableAsync(ruleId, user.ToActor(), ct)))
            .WithSummary("Stop using the rule. Rules are never deleted, so decisions can still name theirs.");
        rules.MapPost("/test", async Task<Results<Ok<TriageSuggestion>, ProblemHttpResult>> (TriageTestInput body, ManageTriageRules manage, CancellationToken ct) =>
            Respond(await manage.TestAsync(body, ct)))
            .WithSummary("What the rules suggest for a text, optionally with a draft rule in place of the one it edits (draftOf).");
        return triage;
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
