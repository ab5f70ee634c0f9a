using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Domain;

namespace Redress.Web;

/// <summary>The one mapping from expected failures to RFC 9457 problem details.</summary>
public static class Problems
{
    public static ProblemHttpResult From(Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status500InternalServerError,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Field is not null) extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Message] };
        return TypedResults.Problem(detail: error.Message, statusCode: status, title: Title(error.Kind), extensions: extensions);
    }

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Forbidden => "You may not do this.",
        ErrorKind.Conflict => "Not possible in the current state.",
        ErrorKind.PreconditionFailed => "The resource has changed.",
        ErrorKind.PreconditionRequired => "If-Match is required.",
        ErrorKind.TooManyRequests => "Too many requests.",
        _ => "Error.",
    };
}

/// <summary>
/// Turns requests the framework could not read (malformed JSON, an unknown enum value, a body over the
/// size limit) into problem details that name the offending field, instead of an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        var (detail, errors) = bad.InnerException switch
        {
            JsonException json => ("The body is not valid JSON for this request: " + FirstLine(json.Message),
                new Dictionary<string, string[]> { [json.Path ?? "$"] = [FirstLine(json.Message)] }),
            _ => (bad.Message, null),
        };
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
            Detail = detail,
        };
        problem.Extensions["code"] = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "too_large" : "unreadable_request";
        if (errors is not null) problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
