using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Domain;
using Redress.Features.Reference;
using Redress.Web;

namespace Redress.Features.Admin;

/// <summary>
/// Administration of reference data, accounts, settings and reply templates (R-SEC-1: administrators only).
/// Every route calls the same use case as the administration pages.
/// </summary>
public static class AdminApi
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddSingleton<ManageDepartments>();
        services.AddSingleton<ManageCategories>();
        services.AddSingleton<ManageUsers>();
        services.AddSingleton<NumberingSettings>();
        services.AddSingleton<ManageReplyTemplates>();
        return services.AddDeliveryAdministration();
    }

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization("Admin");

        admin.MapPost("/departments", async Task<Results<Created<DepartmentItem>, ProblemHttpResult>> (DepartmentInput body, ManageDepartments departments, CancellationToken ct) =>
            Created(await departments.CreateAsync(body, ct), d => $"/api/v1/departments/{d.Id}"));
        admin.MapPut("/departments/{id:int}", async Task<Results<Ok<DepartmentItem>, ProblemHttpResult>> (int id, DepartmentInput body, ManageDepartments departments, CancellationToken ct) =>
            Respond(await departments.UpdateAsync(id, body, ct)));

        admin.MapPost("/categories", async Task<Results<Created<CategoryItem>, ProblemHttpResult>> (CategoryInput body, ManageCategories categories, CancellationToken ct) =>
            Created(await categories.CreateAsync(body, ct), c => $"/api/v1/categories/{c.Id}"));
        admin.MapPut("/categories/{id:int}", async Task<Results<Ok<CategoryItem>, ProblemHttpResult>> (int id, CategoryInput body, ManageCategories categories, CancellationToken ct) =>
            Respond(await categories.UpdateAsync(id, body, ct)));

        admin.MapGet("/users", async (ManageUsers users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct)))
            .WithSummary("Every staff account with its language and whether it is locked.");
        admin.MapPost("/users", async Task<Results<Created<StaffItem>, ProblemHttpResult>> (NewUserInput body, ManageUsers users, CancellationToken ct) =>
            Created(await users.CreateAsync(body, ct), u => $"/api/v1/users/{u.Id}"));
        admin.MapPut("/users/{id}", async Task<Results<Ok<StaffItem>, ProblemHttpResult>> (string id, UserUpdateInput body, ManageUsers users, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await users.UpdateAsync(id, body, user.ToActor(), ct)));

        admin.MapGet("/settings/number-format", async (NumberingSettings numbering, CancellationToken ct) => TypedResults.Ok(await numbering.GetAsync(ct)))
            .WithSummary("The case-number template (R-IN-2) new cases get, and the configured default.");
        admin.MapPut("/settings/number-format", async Task<Results<Ok<NumberFormatSetting>, ProblemHttpResult>> (NumberFormatInput body, NumberingSettings numbering, ClaimsPrincipal user, CancellationToken ct) =>
            Respond(await numbering.ChangeAsync(body, user.ToActor(), ct)))
            .WithSummary("Set the template, e.g. {date:yyyyMMdd}-{channel}-{serial:0000}: exactly one {serial}, usable in a URL.");
        admin.MapDelete("/settings/number-format", async (NumberingSettings numbering, CancellationToken ct) => TypedResults.Ok(await numbering.ResetAsync(ct)))
            .WithSummary("Back to the configured default (Numbering:Format).");

        admin.MapPost("/reply-templates", async Task<Results<Created<ReplyTemplateItem>, ProblemHttpResult>> (ReplyTemplateInput body, ManageReplyTemplates templates, CancellationToken ct) =>
            Created(await templates.CreateAsync(body, ct), t => $"/api/v1/reply-templates/{t.Id}"))
            .WithSummary("A reply template (R-WF-5); placeholders {customer}, {number}, {subject}, {agent}.");
        admin.MapPut("/reply-templates/{id:int}", async Task<Results<Ok<ReplyTemplateItem>, ProblemHttpResult>> (int id, ReplyTemplateInput body, ManageReplyTemplates templates, CancellationToken ct) =>
            Respond(await templates.UpdateAsync(id, body, ct)));
        admin.MapDelete("/reply-templates/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ManageReplyTemplates templates, CancellationToken ct) =>
            await templates.DeleteAsync(id, ct) is { IsSuccess: false } failed ? Problems.From(failed.Error!) : TypedResults.NoContent());
        return admin.MapDeliveryAdminApi();
    }

    private static Results<Created<T>, ProblemHttpResult> Created<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : Problems.From(result.Error!);

    internal static Results<Ok<T>, ProblemHttpResult> Respond<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error!);
}
