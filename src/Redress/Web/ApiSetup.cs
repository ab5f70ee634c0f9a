using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Redress.Web;

public static class ApiSetup
{
    /// <summary>JSON, problem details for every error, request validation and the OpenAPI document.</summary>
    public static IServiceCollection AddRedressApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        // Unreadable requests throw, so BadRequestExceptionHandler can say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation) CamelCaseKeys(validation.Errors);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddValidation();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "Redress API",
                Version = "v1",
                Description = "Complaint cases (客诉) from intake to closing. Sign in with POST /api/v1/auth/token and send " +
                              "the access token as 'Authorization: Bearer …'. Errors are RFC 9457 problem details.",
            };
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" };
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// .NET 10's validation reports C# property paths ("Customer.Name"); clients sent JSON ("customer.name").
    /// See dotnet/aspnetcore#63290.
    /// </summary>
    private static void CamelCaseKeys(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var camel = string.Join('.', key.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
            if (camel == key) continue;
            errors[camel] = errors[key];
            errors.Remove(key);
        }
    }
}
