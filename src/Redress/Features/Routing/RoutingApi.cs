using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Domain;
using Redress.Features.Accounts;
using Redress.Features.Admin;
using Redress.Web;

namespace Redress.Features.Routing;

/// <summary>
/// Routing (R-WF-2): the rules administrators keep, each department's policy, and who is away. Every route calls
/// the same use case as /admin/routing and the away switch on the user menu.
/// </summary>
public static class RoutingApi
{
    public static IServiceCollection AddCaseRouting(this IServiceCollection services)
    {
        services.AddSingleton<RoutingSettings>();
        services.AddSingleton<RouteCase>();
        services.AddSingleton<ManageRoutingRules>();
        services.AddSingleton<ManageDepartmentRouting>();
        services.AddSingleton<SetAway>();
        return services;
    }

    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/admin/routing/rules").WithTags("Routing").RequireAuthorization("Admin");
        rules.MapGet("/", async (ManageRoutingRules manage, CancellationToken ct) => TypedResults.Ok(await manage.ListAsync(ct)))
            .WithSummary("Every routing rule, active first, in the order they are tried (higher priority first, then oldest).");
        rules.MapGet("/{ruleId:int}", async (int ruleId, ManageRoutingRules manage, HttpContext http, CancellationToken ct) =>
            WithETag(http, await manage.GetAsync(ruleId, ct)));
        rules.MapPost("/", async Task<Results<Created<RoutingRuleItem>, ProblemHttpResult>> (RoutingRuleInput body, ManageRoutingRules manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var created = await manage.CreateAsync(body, user.ToActor(), ct);
                if (!created.IsSuccess) return Problems.From(created.Error!);
                http.Response.Headers.ETag = ETags.For(created.Value.Version);
                return TypedResults.Created($"/api/v1/admin/routing/rules/{created.Value.Id}", created.Value);
            })
            .WithSummary("A rule: conditions on category (with its sub-categories), product name or SKU (globs), channel and region (place names in the customer's address); a case intake gave no lead department goes to the department of the first match.");
        rules.MapPut("/{ruleId:int}", async (int ruleId, RoutingRuleInput body, ManageRoutingRules manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await manage.UpdateAsync(ruleId, ETags.IfMatch(http.Request), body, user.ToActor(), ct)))
            .WithSummary("Change a rule (If-Match: the rule's ETag).");
        rules.MapPost("/{ruleId:int}/disable", async (int ruleId, ManageRoutingRules manage, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            WithETag(http, await manage.DisableAsync(ruleId, ETags.IfMatch(http.Request), user.ToActor(), ct)))
            .WithSummary("Stop using a rule (If-Match). Rules are never deleted, so timelines can still name theirs.");
        api.MapPost("/admin/routing/test", async (RouteTestInput body, ManageRoutingRules manage, CancellationToken ct) => TypedResults.Ok(await manage.TestAsync(body, ct)))
            .WithTags("Routing").RequireAuthorization("Admin")
            .WithSummary("Which rule would route a new case with these facts.");

        var departments = api.MapGroup("/admin/routing/departments").WithTags("Routing").RequireAuthorization("Admin");
        departments.MapGet("/", async (ManageDepartmentRouting manage, CancellationToken ct) => TypedResults.Ok(await manage.ListAsync(ct)))
            .WithSummary("Each department's policy and handlers: away or not, open cases, and who is next in turn.");
        departments.MapGet("/{departmentId:int}", async Task<Results<Ok<DepartmentRoutingItem>, ProblemHttpResult>> (int departmentId, ManageDepartmentRouting manage, CancellationToken ct) =>
            AdminApi.Respond(await manage.GetAsync(departmentId, ct)));
        departments.MapPut("/{departmentId:int}", async Task<Results<Ok<DepartmentRoutingItem>, ProblemHttpResult>> (int departmentId, RoutingPolicyInput body, ManageDepartmentRouting manage, ClaimsPrincipal user, CancellationToken ct) =>
            AdminApi.Respond(await manage.SetPolicyAsync(departmentId, body, user.ToActor(), ct)))
            .WithSummary("Manual (the lead assigns), RoundRobin (each in turn) or LeastOpen (fewest open cases assigned).");

        var away = api.MapGroup("/users/{userId}/away").WithTags("Routing");
        away.MapGet("/", async Task<Results<Ok<AwayState>, ProblemHttpResult>> (string userId, SetAway set, CancellationToken ct) => AdminApi.Respond(await set.GetAsync(userId, ct)));
        away.MapPut("/", async Task<Results<Ok<AwayState>, ProblemHttpResult>> (string userId, AwayInput body, SetAway set, ClaimsPrincipal user, CancellationToken ct) =>
            AdminApi.Respond(await set.HandleAsync(userId, body, user.ToActor(), ct)))
            .WithSummary("Mark someone away (optionally until a time) or back: themself, an administrator, or a lead of their department.");
        return rules;
    }

    private static Results<Ok<RoutingRuleItem>, ProblemHttpResult> WithETag(HttpContext http, Result<RoutingRuleItem> result)
    {
        if (!result.IsSuccess) return Problems.From(result.Error!);
        http.Response.Headers.ETag = ETags.For(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
