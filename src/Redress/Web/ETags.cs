using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Redress.Domain;

namespace Redress.Web;

/// <summary>Strong ETags from a row version: <c>"7"</c>. Writes send it back in If-Match.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>The version the client last saw, null when it sent no If-Match, -1 when it sent one we cannot read.</summary>
    public static int? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        if (header.Trim() == "*") return null;
        return EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag)
               && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var v) ? v : -1;
    }

    /// <summary>The answer to a change: 200 with what changed and its new version as ETag, or the problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(HttpContext http, Result<T> result, Func<T, int> version)
    {
        if (!result.IsSuccess) return Problems.From(result.Error!);
        http.Response.Headers.ETag = For(version(result.Value));
        return TypedResults.Ok(result.Value);
    }
}
