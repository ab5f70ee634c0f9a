using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Domain;
using Redress.Web;

namespace Redress.Features.Sla;

/// <summary>
/// SLA profiles (R-SLA-5) and business calendars (R-SLA-2). Staff may read them, to know what a deadline is
/// counted by; administrators change them. Every route calls the same use case as the /admin/sla and
/// /admin/calendars pages.
/// </summary>
public static class SlaApi
{
    public static RouteGroupBuilder MapSlaApi(this RouteGroupBuilder api)
    {
        var sla = api.MapGroup("/sla").WithTags("SLA");
        var admin = sla.MapGroup("").RequireAuthorization("Admin");

        sla.MapGet("/profiles", async (ManageSlaProfiles profiles, CancellationToken ct) => TypedResults.Ok(await profiles.ListAsync(ct)))
            .WithSummary("The regulatory profiles: policies (first match wins), extension steps, report buckets; one is active.");
        sla.MapGet("/profiles/{code}", async (string code, ManageSlaProfiles profiles, HttpContext http, CancellationToken ct) =>
            WithETag(http, await profiles.GetAsync(code, ct), p => ETags.For(p.Version)));
        admin.MapPut("/profiles/{code}/rules", async (string code, SlaRulesInput body, ManageSlaProfiles profiles, HttpContext http, CancellationToken ct) =>
            WithETag(http, await profiles.ChangeAsync(code, ETags.IfMatch(http.Request), body, ct), p => ETags.For(p.Version)))
            .WithSummary("Replace the profile's rules (If-Match: the ETag read). Cases registered afterwards use them; running clocks keep their due times.");
        admin.MapPost("/profiles/{code}/activate", async (string code, ManageSlaProfiles profiles, HttpContext http, CancellationToken ct) =>
            WithETag(http, await profiles.ActivateAsync(code, ct), p => ETags.For(p.Version)))
            .WithSummary("Make this the one active profile.");

        sla.MapGet("/calendars", async (ManageCalendars calendars, CancellationToken ct) => TypedResults.Ok(await calendars.ListAsync(ct)))
            .WithSummary("Business calendars with their weekly hours and the years they list dated days for.");
        sla.MapGet("/calendars/{code}", async (string code, ManageCalendars calendars, HttpContext http, CancellationToken ct) =>
            WithETag(http, await calendars.GetAsync(code, ct), Tag));
        admin.MapPost("/calendars", async Task<Results<Created<CalendarItem>, ProblemHttpResult>> (NewCalendarInput body, ManageCalendars calendars, CancellationToken ct) =>
            await calendars.CreateAsync(body, ct) is var created && created.IsSuccess
                ? TypedResults.Created($"/api/v1/sla/calendars/{created.Value.Code}", created.Value)
                : Problems.From(created.Error!))
            .WithSummary("A new calendar: its own weekly hours, or a copy of another's hours and days (copyFrom).");
        admin.MapPut("/calendars/{code}/hours", async (string code, HoursInput body, ManageCalendars calendars, HttpContext http, CancellationToken ct) =>
            WithETag(http, await calendars.SetHoursAsync(code, IfMatch(http), body, ct), Tag))
            .WithSummary("Replace the weekly hours (If-Match: the ETag read); times HH:mm, 24:00 for midnight.");
        admin.MapPut("/calendars/{code}/time-zone", async (string code, TimeZoneInput body, ManageCalendars calendars, HttpContext http, CancellationToken ct) =>
            WithETag(http, await calendars.SetTimeZoneAsync(code, IfMatch(http), body, ct), Tag))
            .WithSummary("The IANA time zone the hours and dates are read on (If-Match: the ETag read). Running clocks keep their due times.");
        admin.MapPost("/calendars/{code}/days", async (string code, DaysInput body, ManageCalendars calendars, HttpContext http, CancellationToken ct) =>
            WithETag(http, await calendars.SetDaysAsync(code, IfMatch(http), body, ct), Tag))
            .WithSummary("Add or replace dated days, all or none, e.g. next year's holidays and 调休 make-up days; replaceYears replaces those years whole.");
        admin.MapPut("/calendars/{code}/days/{date}", async (string code, DateOnly date, DayInput body, ManageCalendars calendars, HttpContext http, CancellationToken ct) =>
            WithETag(http, await calendars.SetDayAsync(code, date, IfMatch(http), body, ct), Tag))
            .WithSummary("Make the date (yyyy-MM-dd) a holiday or a make-up working day.");
        admin.MapDelete("/calendars/{code}/days/{date}", async (string code, DateOnly date, ManageCalendars calendars, HttpContext http, CancellationToken ct) =>
            WithETag(http, await calendars.RemoveDayAsync(code, date, IfMatch(http), ct), Tag))
            .WithSummary("The date follows the weekly hours again.");

        sla.MapGet("/departments", async (ChooseDepartmentCalendars departments, CancellationToken ct) => TypedResults.Ok(await departments.ListDepartmentsAsync(ct)))
            .WithSummary("Departments with their own calendar; null: the active profile's.");
        admin.MapPut("/departments/{id:int}/calendar", async Task<Results<Ok<DepartmentCalendarItem>, ProblemHttpResult>> (int id, DepartmentCalendarInput body, ChooseDepartmentCalendars departments, CancellationToken ct) =>
            await departments.SetDepartmentCalendarAsync(id, body, ct) is var result && result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Error!))
            .WithSummary("The calendar cases led by the department count with (null: the profile's).");
        return sla;
    }

    private static string Tag(CalendarItem c) => $"\"{c.Revision}\"";

    /// <summary>A calendar's revision from If-Match, without its quotes; null when none was sent.</summary>
    private static string? IfMatch(HttpContext http) =>
        http.Request.Headers.IfMatch.ToString() is { Length: > 0 } header && header.Trim() != "*"
            ? header.Split(',')[0].Trim().TrimStart('W', '/').Trim('"')
            : null;

    private static Results<Ok<T>, ProblemHttpResult> WithETag<T>(HttpContext http, Result<T> result, Func<T, string> etag)
    {
        if (!result.IsSuccess) return Problems.From(result.Error!);
        http.Response.Headers.ETag = etag(result.Value);
        return TypedResults.Ok(result.Value);
    }
}
