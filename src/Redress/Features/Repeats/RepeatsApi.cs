using System.Security.Claims;
using Redress.Domain.Triage;
using Redress.Web;

namespace Redress.Features.Repeats;

/// <summary>Repeat complaints and duplicates (R-CL-4, issue 5 parts 4-5): a case's links, merging a duplicate, dismissing a suggestion.</summary>
public static class RepeatsApi
{
    public static IServiceCollection AddRepeats(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Triage:Repeat").Get<RepeatDetection>() ?? new RepeatDetection());
        services.AddSingleton<FindRepeats>();
        services.AddSingleton<ReadCaseLinks>();
        services.AddSingleton<MergeCases>();
        services.AddSingleton<DismissDuplicate>();
        return services;
    }

    public static RouteGroupBuilder MapRepeatsApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:long}").WithTags("Repeats and duplicates");
        cases.MapGet("/links", async (long id, ReadCaseLinks read, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
                ETags.Answer(http, await read.GetAsync(id, user.ToActor(), ct), l => l.CaseVersion))
            .WithSummary("The case's links to the customer's other cases: repeats (same order, same product or similar text) and duplicate suggestions.");
        cases.MapPost("/merge", async (long id, MergeRequest body, MergeCases merge, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
                ETags.Answer(http, await merge.HandleAsync(id, ETags.IfMatch(http.Request), body, user.ToActor(), ct), c => c.Version))
            .WithSummary("Merge this case, a duplicate, into intoCaseId: If-Match is this case's ETag, intoVersion the other's. This case closes as Merged; its number then resolves to the survivor.");
        cases.MapPost("/links/{linkId:long}/dismiss", async (long id, long linkId, DismissDuplicate dismiss, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
                ETags.Answer(http, await dismiss.HandleAsync(id, linkId, user.ToActor(), ct), c => c.Version))
            .WithSummary("Not a duplicate after all: the merge suggestion is closed, on the record.");
        return cases;
    }
}
