using Microsoft.Net.Http.Headers;

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
}
