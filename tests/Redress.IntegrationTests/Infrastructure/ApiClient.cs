using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Redress.Features.Cases;

namespace Redress.IntegrationTests.Infrastructure;

/// <summary>A signed-in user's view of the API, with the few calls every test needs.</summary>
public sealed class ApiClient(HttpClient http, string userName, DateTimeOffset signedInAt)
{
    public HttpClient Http => http;
    public string UserName => userName;
    public DateTimeOffset SignedInAt => signedInAt;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path, Test.Ct);

    public async Task<T> GetJsonAsync<T>(string path) => await Expect.JsonAsync<T>(await GetAsync(path));

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? ifMatch = null, string? idempotencyKey = null) =>
        SendAsync(path, JsonContent.Create(body, options: Json.Options), ifMatch, idempotencyKey);

    /// <summary>A body exactly as given, for requests no serializer would write.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, string json, string? ifMatch = null) =>
        SendAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ifMatch, null);

    public async Task<HttpResponseMessage> SendAsync(string path, HttpContent content, string? ifMatch, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await http.SendAsync(request, Test.Ct);
    }

    public Task<HttpResponseMessage> TryRegisterAsync(RegisterCaseRequest request, string? idempotencyKey = null) =>
        PostAsync("/api/v1/cases", request, idempotencyKey: idempotencyKey);

    public async Task<CaseDetails> RegisterAsync(RegisterCaseRequest request) =>
        await Expect.JsonAsync<CaseDetails>(await TryRegisterAsync(request), HttpStatusCode.Created);

    /// <summary>The case and its ETag.</summary>
    public async Task<(CaseDetails Case, string ETag)> GetCaseAsync(long id)
    {
        var response = await GetAsync($"/api/v1/cases/{id}");
        var details = await Expect.JsonAsync<CaseDetails>(response);
        return (details, response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag on a case read."));
    }

    /// <summary>A lifecycle action with the If-Match given (null: none).</summary>
    public Task<HttpResponseMessage> ActAsync(long id, string action, object body, string? ifMatch) =>
        PostAsync($"/api/v1/cases/{id}/{action}", body, ifMatch);

    /// <summary>A lifecycle action on the version just read; it must succeed.</summary>
    public async Task<CaseDetails> DoAsync(long id, string action, object body)
    {
        var (_, etag) = await GetCaseAsync(id);
        return await Expect.JsonAsync<CaseDetails>(await ActAsync(id, action, body, etag));
    }

    public Task<List<TimelineItem>> TimelineAsync(long id) => GetJsonAsync<List<TimelineItem>>($"/api/v1/cases/{id}/timeline");

    public Task<CasePage> ListAsync(string query) => GetJsonAsync<CasePage>($"/api/v1/cases?{query}");

    /// <summary>A file as a browser uploads it: multipart, field "file".</summary>
    public Task<HttpResponseMessage> UploadAsync(long id, string fileName, byte[] bytes, string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return SendAsync($"/api/v1/cases/{id}/attachments", form, null, null);
    }
}
