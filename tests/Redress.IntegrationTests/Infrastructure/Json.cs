using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Redress.IntegrationTests.Infrastructure;

public static class Test
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}

public static class Json
{
    /// <summary>As the API writes it: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

/// <summary>An RFC 9457 problem body with the API's extensions.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? Code, Dictionary<string, string[]>? Errors);

public static class Expect
{
    /// <summary>Asserts the status, showing the body when it is another (the body says why).</summary>
    public static async Task StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync(Test.Ct);
        Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
    }

    public static async Task<T> JsonAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await StatusAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options, Test.Ct))!;
    }

    /// <summary>Asserts an RFC 9457 problem with this status: the right media type, a title and an explanation.</summary>
    public static async Task<Problem> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await StatusAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(Json.Options, Test.Ct))!;
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title), "A problem has a title.");
        Assert.True(!string.IsNullOrWhiteSpace(problem.Detail) || problem.Errors is { Count: > 0 }, "A problem says what was wrong.");
        return problem;
    }
}
