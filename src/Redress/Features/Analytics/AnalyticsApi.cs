using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Features.Cases;
using Redress.Web;

namespace Redress.Features.Analytics;

public static class AnalyticsApi
{
    /// <summary>The overview page's policy: the roles of <see cref="ComputeOverview.Readers"/>, defined there once.</summary>
    public const string OverviewReaders = "OverviewReaders";

    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Analytics").Get<AnalyticsOptions>() ?? new AnalyticsOptions());
        services.AddSingleton<ComputeOverview>();
        services.AddSingleton<OverviewCache>();
        services.AddHostedService<WarmOverviews>();
        services.AddSingleton<CountSlaBuckets>();
        services.AddAuthorization(o => o.AddPolicy(OverviewReaders, p => p.RequireRole(ComputeOverview.Readers.Select(r => r.ToString()))));
        return services;
    }

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Analytics");
        // The use case refuses other roles itself, so the 403 is a problem that says which roles may read it.
        analytics.MapGet("/overview", async Task<Results<Ok<Overview>, ProblemHttpResult>> (OverviewCache overview, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var result = await overview.GetAsync(user.ToActor(), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error!);
            })
            .WithSummary("KPIs and chart data of the overview (R-AN-1, R-AN-2): backlog now, and the cases created in the last 30 local days.");
        analytics.MapGet("/sla-buckets", async Task<Results<Ok<SlaBucketReport>, ProblemHttpResult>> ([AsParameters] SlaBucketQuery query, CountSlaBuckets buckets, ClaimsPrincipal user, CancellationToken ct) =>
                await buckets.HandleAsync(query, user.ToActor(), ct) is var report && report.IsSuccess ? TypedResults.Ok(report.Value) : Problems.From(report.Error!))
            .WithSummary($"R-SLA-5: the cases closed from `from` to `to` (at most {CountSlaBuckets.MaxDays} days) per report bucket of the active profile, each in the first it was resolved within, and those outside all.");
        analytics.MapGet("/sla-buckets/cases", async Task<Results<Ok<CasePage>, ProblemHttpResult>> ([AsParameters] SlaBucketCasesQuery query, CountSlaBuckets buckets, ClaimsPrincipal user, CancellationToken ct) =>
                await buckets.CasesAsync(query, user.ToActor(), ct) is var page && page.IsSuccess ? TypedResults.Ok(page.Value) : Problems.From(page.Error!))
            .WithSummary("The cases one bucket (a key, or outside) counts, in closing order; cursor={nextCursor} for the next page, which may be short.");
        return analytics;
    }
}
