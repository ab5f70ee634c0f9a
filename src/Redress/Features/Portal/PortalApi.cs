using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Domain;
using Redress.Features.Cases;
using Redress.Web;

namespace Redress.Features.Portal;

public sealed record PortalChallenge(int A, int B, string Token);

/// <param name="TrackingToken">The private link's secret: send it as Portal-Token. Only its hash is stored, so it cannot be sent again.</param>
public sealed record PortalFiled(string Number, string TrackingToken, string TrackingLink, DateTime ReplyBy, IReadOnlyList<string> RefusedFiles, PortalCaseView Case);

public sealed record PortalLookup(
    [property: Required, StringLength(64, MinimumLength = 1)] string Number,
    [property: Required, StringLength(254, MinimumLength = 1)] string Contact);

/// <param name="AccessToken">Send it as Portal-Token until it expires; then look the case up again.</param>
public sealed record PortalAccessGranted(string AccessToken, DateTimeOffset ExpiresAt, PortalCaseView Case);

/// <summary>
/// The customer portal as a REST API, for customers without a staff account (R-IN-1, R-AN-5): the same
/// challenge, honeypot and rate limits as the form, the same use cases as the pages. A case is opened by the
/// Portal-Token header: the private link's secret, or a short-lived token from a look-up by number and
/// contact. Any credential that does not open the case is 404, never 403, so numbers cannot be probed.
/// </summary>
public static class PortalApi
{
    public const string TokenHeader = "Portal-Token";

    public static RouteGroupBuilder MapPortalApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").WithTags("Customer portal").AllowAnonymous();

        portal.MapGet("/challenge", (PortalGuard guard) =>
            {
                var c = guard.NewChallenge();
                return TypedResults.Ok(new PortalChallenge(c.A, c.B, c.Token));
            })
            .WithSummary("A question (A + B) to answer when filing; its token expires after 30 minutes.");
        portal.MapPost("/complaints", FileAsync).DisableAntiforgery()
            .WithSummary("File a complaint (multipart/form-data, files in 'files'): answer the challenge, leave 'website' empty. 429 over the rate limits.");
        portal.MapPost("/lookup", async Task<Results<Ok<PortalAccessGranted>, ProblemHttpResult>> (PortalLookup body, LookUpCase lookUp, PortalAccess access, PortalCase cases, HttpContext http, CancellationToken ct) =>
            await lookUp.HandleAsync(body.Number, body.Contact, Address(http), ct) is var found && !found.IsSuccess ? Refuse(http, found.Error!)
            : await cases.GetAsync(found.Value, ct) is { } view ? TypedResults.Ok(new PortalAccessGranted(access.CookieFor(view.Id), access.AccessExpiresAt, view))
            : NotFound())
            .WithSummary("Find a case by its number and the phone or email used when filing; 404 for any mismatch, 429 with Retry-After after too many tries.");

        var own = portal.MapGroup("/case");
        own.MapGet("/", async Task<Results<Ok<PortalCaseView>, ProblemHttpResult>> ([FromHeader(Name = TokenHeader)] string? token, PortalAccess access, PortalCase cases, HttpContext http, CancellationToken ct) =>
            await OpenAsync(token, access, cases, ct) is { } view ? WithETag(http, view) : NotFound())
            .WithSummary("The case as the customer sees it: status, promised times, the plan to answer, the customer-visible timeline.");
        own.MapPost("/messages", async Task<Results<Ok<PortalCaseView>, ProblemHttpResult>> ([FromHeader(Name = TokenHeader)] string? token, TextRequest body, PortalAccess access, PortalCase cases, HttpContext http, CancellationToken ct) =>
            await OpenAsync(token, access, cases, ct) is { } view
                ? await Then(http, cases, view, await cases.AnswerAsync(view, body.Text.Trim(), ct), ct)
                : NotFound())
            .WithSummary("Write to the handler (answer their questions) while the case is open.");
        own.MapPost("/confirmation", async Task<Results<Ok<PortalCaseView>, ProblemHttpResult>> ([FromHeader(Name = TokenHeader)] string? token, ConfirmationRequest body, PortalAccess access, PortalCase cases, HttpContext http, CancellationToken ct) =>
            await OpenAsync(token, access, cases, ct) is { } view
                ? await Then(http, cases, view, await Versioned(http, v => cases.ConfirmAsync(view.Id, view.CustomerName, v, body, ct)), ct)
                : NotFound())
            .WithSummary("Accept or reject the proposed solution (a rejection needs a comment). Needs If-Match with the case's ETag.");
        own.MapPost("/rating", async Task<Results<Ok<PortalCaseView>, ProblemHttpResult>> ([FromHeader(Name = TokenHeader)] string? token, RatingRequest body, PortalAccess access, PortalCase cases, HttpContext http, CancellationToken ct) =>
            await OpenAsync(token, access, cases, ct) is { } view
                ? await Then(http, cases, view, await Versioned(http, v => cases.RateAsync(view.Id, view.CustomerName, v, body, ct)), ct)
                : NotFound())
            .WithSummary("Rate the handling once after closing (R-AN-5): speed, effect, attitude, transparency, overall, 1-5. Needs If-Match.");
        return portal;
    }

    private static async Task<Results<Created<PortalFiled>, ValidationProblem, ProblemHttpResult>> FileAsync(
        [FromForm] PortalFileForm form, IFormFileCollection files, FileComplaint filing, PortalGuard guard, PortalCase cases,
        IStringLocalizer<Ui> l, HttpContext http, CancellationToken ct)
    {
        var errors = form.Check(guard, l);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }),
                detail: "Some fields are missing or wrong.", extensions: new Dictionary<string, object?> { ["code"] = "invalid_request" });
        // Told apart from a person's mistake only here: the page re-shows the form, the API says no without saying why.
        if (form.IsFromRobot) return Problems.From(Error.Invalid("refused", "The complaint could not be filed."));

        var filed = await filing.HandleAsync(form.ToComplaint(), [.. files.Where(f => f.Length > 0)], Address(http), ct);
        if (!filed.IsSuccess) return Refuse(http, filed.Error!);
        var view = (await cases.GetAsync(filed.Value.Case.Id, ct))!;
        var link = $"{http.Request.Scheme}://{http.Request.Host}/portal/c/{filed.Value.TrackingToken}";
        http.Response.Headers.ETag = ETags.For(view.Version);
        return TypedResults.Created("/api/v1/portal/case",
            new PortalFiled(view.Number, filed.Value.TrackingToken, link, view.ReplyBy, filed.Value.RefusedFiles, view));
    }

    private static async Task<PortalCaseView?> OpenAsync(string? token, PortalAccess access, PortalCase cases, CancellationToken ct) =>
        await access.ResolveAsync(token, ct) is { } id ? await cases.GetAsync(id, ct) : null;

    /// <summary>State changes carry the version the customer read, as the staff API's do.</summary>
    private static Task<Result<CaseDetails>> Versioned(HttpContext http, Func<int, Task<Result<CaseDetails>>> change) =>
        ETags.IfMatch(http.Request) is { } version ? change(version) : Task.FromResult<Result<CaseDetails>>(Error.VersionRequired);

    /// <summary>After a change the customer gets their own view back, never the staff's case details.</summary>
    private static async Task<Results<Ok<PortalCaseView>, ProblemHttpResult>> Then(HttpContext http, PortalCase cases, PortalCaseView before, Result<CaseDetails> result, CancellationToken ct)
    {
        if (!result.IsSuccess) return Problems.From(result.Error!);
        return WithETag(http, (await cases.GetAsync(before.Id, ct))!);
    }

    private static Results<Ok<PortalCaseView>, ProblemHttpResult> WithETag(HttpContext http, PortalCaseView view)
    {
        http.Response.Headers.ETag = ETags.For(view.Version);
        return TypedResults.Ok(view);
    }

    private static ProblemHttpResult NotFound() => Problems.From(Error.NotFound("Case"));

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ProblemHttpResult Refuse(HttpContext http, Error error)
    {
        if (error.RetryAfter is { } wait) http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.From(error);
    }
}
