using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Redress.Domain.Cases;
using Redress.Features.Cases;
using Redress.IntegrationTests.Cases;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Portal;

/// <summary>
/// The customer portal's REST API (issue 3.8), as a customer without an account uses it: file with files,
/// follow, write, accept or reject, rate; and as a stranger trying to read someone else's case.
/// </summary>
public abstract class PortalApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task Filing_WithAFile_GivesTheNumberAndAPrivateLink_ThatOpensTheCase()
    {
        var phone = NewPhone();
        var (response, filed) = await FileAsync(phone, file: ("receipt.png", Files.Png(300)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(@"^\d{8}-WEB-\d{4}$", filed!.Number);
        Assert.EndsWith("/portal/c/" + filed.TrackingToken, filed.TrackingLink, StringComparison.Ordinal);
        Assert.Empty(filed.RefusedFiles);
        var (seen, etag) = await ReadAsync(filed.TrackingToken);
        Assert.Equal(filed.Number, seen.Number);
        Assert.Equal(CaseStatus.Received, seen.Status);
        Assert.Equal($"\"{seen.Version}\"", etag);
        Assert.Contains(seen.Events, e => e.Event == TimelineEvent.Registered && e.FromCustomer);

        // Staff find a web case from this customer, with the file the customer sent.
        var agent = await app.SignInAsync("agent");
        var listed = Assert.Single((await agent.ListAsync($"q={filed.Number}")).Items);
        var (staff, _) = await agent.GetCaseAsync(listed.Id);
        Assert.Equal(Channel.Web, staff.Channel);
        Assert.Equal(phone, staff.Customer.Phone);
        var files = await agent.GetJsonAsync<List<AttachmentItem>>($"/api/v1/cases/{listed.Id}/attachments");
        Assert.Equal("receipt.png", Assert.Single(files).FileName);
    }

    [Fact]
    public async Task Filing_WithAWrongAnswer_OrMissingFields_IsAProblemNamingTheFields_AndFilesNothing()
    {
        var before = await app.CountRowsAsync();

        var (wrong, _) = await FileAsync(NewPhone(), answer: "1000");
        var (empty, _) = await FileAsync(NewPhone(), subject: "");
        var (noContact, _) = await FileAsync(null);

        Assert.Contains("answer", (await Expect.ProblemAsync(wrong, HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("subject", (await Expect.ProblemAsync(empty, HttpStatusCode.BadRequest)).Errors!.Keys);
        var contact = await Expect.ProblemAsync(noContact, HttpStatusCode.BadRequest);
        Assert.Equal("contact_required", contact.Code);
        Assert.Equal((await app.CountRowsAsync()).Cases, before.Cases);
    }

    [Fact]
    public async Task Filing_WithTheTrapFieldFilled_FilesNothing()
    {
        var before = await app.CountRowsAsync();

        var (response, _) = await FileAsync(NewPhone(), website: "http://spam.example");

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal((await app.CountRowsAsync()).Cases, before.Cases);
    }

    [Fact]
    public async Task Filing_MoreThanThreeTimesADay_WithOneContact_Is429()
    {
        var phone = NewPhone();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await FileAsync(phone)).Response.StatusCode);

        var (fourth, _) = await FileAsync(phone);

        Assert.Equal("too_many_filings", (await Expect.ProblemAsync(fourth, (HttpStatusCode)429)).Code);
        Assert.True(fourth.Headers.RetryAfter is not null, "A 429 says when to try again.");
    }

    [Fact]
    public async Task LookUp_ByNumberAndTheContactUsedWhenFiling_GivesAccess_AnyMismatchIsTheSame404()
    {
        var phone = NewPhone();
        var (_, filed) = await FileAsync(phone, email: "Ana.Lima@Example.com");
        using var anonymous = app.Anonymous();

        var byPhone = await LookUpAsync(anonymous, filed!.Number, phone);
        var byEmail = await LookUpAsync(anonymous, filed.Number, "ana.lima@example.com");
        var wrongContact = await LookUpAsync(anonymous, filed.Number, "13000000000");
        var noSuchNumber = await LookUpAsync(anonymous, "20000101-WEB-9999", phone);

        var granted = await Expect.JsonAsync<Granted>(byPhone);
        Assert.Equal(filed.Number, granted.Case.Number);
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        var (seen, _) = await ReadAsync(granted.AccessToken);
        Assert.Equal(filed.Number, seen.Number);
        // One answer for a wrong contact and for a number that does not exist: nothing tells them apart.
        var a = await Expect.ProblemAsync(wrongContact, HttpStatusCode.NotFound);
        var b = await Expect.ProblemAsync(noSuchNumber, HttpStatusCode.NotFound);
        Assert.Equal((a.Title, a.Detail, a.Code), (b.Title, b.Detail, b.Code));
    }

    [Fact]
    public async Task LookUp_TriedTooOftenForOneNumber_Is429_EvenWithTheRightContact_WhileOtherNumbersStillWork()
    {
        var phone = NewPhone();
        var (_, filed) = await FileAsync(phone);
        var (_, other) = await FileAsync(NewPhone(), email: "other.customer@example.com");
        using var anonymous = app.Anonymous();

        // Someone guesses contacts for one number: each wrong guess is the usual 404 until the number's limit.
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(anonymous, filed!.Number, $"1300000{i:0000}")).StatusCode);
        var blocked = await LookUpAsync(anonymous, filed!.Number, phone);

        Assert.Equal("too_many_lookups", (await Expect.ProblemAsync(blocked, (HttpStatusCode)429)).Code);
        Assert.InRange(blocked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(anonymous, other!.Number, "other.customer@example.com")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task TheCase_WithAMissingOrForgedToken_IsNotFound_ForEveryAction(string? token)
    {
        using var anonymous = app.Anonymous();

        foreach (var (path, body) in new (string, object?)[] { ("", null), ("/messages", new { text = "hello" }), ("/confirmation", new { satisfied = true }), ("/rating", Rating(5)) })
        {
            using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, "/api/v1/portal/case" + path);
            if (token is not null) request.Headers.TryAddWithoutValidation("Portal-Token", token);
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            if (body is not null) request.Content = JsonContent.Create(body, options: Json.Options);
            await Expect.ProblemAsync(await anonymous.SendAsync(request, Test.Ct), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Customer_WritesToTheHandler_AndSeesNoStaffNotesOrNames()
    {
        var (_, filed) = await FileAsync(NewPhone());
        var id = await IdOfAsync(filed!.Number);
        var handler = await app.SignInAsync("handler");
        await StaffStepsAsync(id, CaseStatus.Investigating);
        await handler.PostAsync($"/api/v1/cases/{id}/notes", Bodies.Text("Internal note: the batch is suspect."));

        var sent = await SendAsync(filed.TrackingToken, "messages", new { text = "The serial number is KT18-0042." });
        var raw = await (await SendAsync(filed.TrackingToken, "", null)).Content.ReadAsStringAsync(Test.Ct);

        var view = await Expect.JsonAsync<Seen>(sent);
        Assert.Contains(view.Events, e => e.Event == TimelineEvent.CommunicationAdded && e.FromCustomer && e.Text == "The serial number is KT18-0042.");
        Assert.Contains(view.Events, e => e.Event == TimelineEvent.InvestigationStarted && !e.FromCustomer);
        Assert.DoesNotContain("Internal note", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("李强", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Wang Li", raw, StringComparison.Ordinal);
        var messages = await handler.GetJsonAsync<List<CommunicationItem>>($"/api/v1/cases/{id}/communications");
        Assert.Contains(messages, m => m.Method == CommunicationMethod.Portal && m.Direction == Direction.Inbound && m.Content == "The serial number is KT18-0042.");

        var blank = await SendAsync(filed.TrackingToken, "messages", new { text = "" });
        Assert.Contains("text", (await Expect.ProblemAsync(blank, HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task Customer_AcceptsThePlan_WithTheVersionRead_AndRatesTheHandlingOnce()
    {
        var (_, filed) = await FileAsync(NewPhone());
        var id = await IdOfAsync(filed!.Number);
        await StaffStepsAsync(id, CaseStatus.AwaitingConfirmation);
        var token = filed.TrackingToken;
        var (seen, etag) = await ReadAsync(token);
        Assert.True(seen.CanConfirm);
        Assert.Equal(Bodies.Solution().Measures, seen.Plan!.Measures);

        var unversioned = await SendAsync(token, "confirmation", new { satisfied = true }, ifMatch: null);
        var stale = await SendAsync(token, "confirmation", new { satisfied = true }, ifMatch: $"\"{seen.Version - 1}\"");
        var noReason = await SendAsync(token, "confirmation", new { satisfied = false }, etag);
        var accepted = await SendAsync(token, "confirmation", new { satisfied = true, comment = "Thank you." }, etag);

        await Expect.ProblemAsync(unversioned, (HttpStatusCode)428);
        await Expect.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("comment", (await Expect.ProblemAsync(noReason, HttpStatusCode.BadRequest)).Errors!.Keys);
        var closed = await Expect.JsonAsync<Seen>(accepted);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.True(closed.CanRate);

        var outOfRange = await SendAsync(token, "rating", Rating(6), accepted.Headers.ETag!.ToString());
        var rated = await SendAsync(token, "rating", Rating(4), accepted.Headers.ETag!.ToString());
        var again = await SendAsync(token, "rating", Rating(1), rated.Headers.ETag!.ToString());

        Assert.Contains("speed", (await Expect.ProblemAsync(outOfRange, HttpStatusCode.BadRequest)).Errors!.Keys);
        var after = await Expect.JsonAsync<Seen>(rated);
        Assert.False(after.CanRate);
        Assert.Equal(4, after.Confirmation!.Ratings!.Transparency);
        Assert.True((int)again.StatusCode is 400 or 409, $"A second rating is refused, got {(int)again.StatusCode}.");
        var (staff, _) = await (await app.SignInAsync("agent")).GetCaseAsync(id);
        Assert.Equal((4, 4, 5), (staff.Confirmation!.Ratings!.Speed, staff.Confirmation.Ratings.Effect, staff.Confirmation.Ratings.Overall));
        Assert.True(staff.Confirmation.Satisfied);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesThePortal()
    {
        using var anonymous = app.Anonymous();
        var doc = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Test.Ct);
        var paths = doc.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/portal/challenge", "/api/v1/portal/complaints", "/api/v1/portal/lookup", "/api/v1/portal/case", "/api/v1/portal/case/messages", "/api/v1/portal/case/confirmation", "/api/v1/portal/case/rating" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is in the OpenAPI document.");
        var filing = paths.GetProperty("/api/v1/portal/complaints").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(filing.TryGetProperty("multipart/form-data", out _), "Filing takes multipart/form-data.");
    }

    private static object Rating(int speed) => new { speed, effect = 4, attitude = 5, transparency = 4, overall = 5, comment = "Quick and fair." };

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpResponseMessage Response, Filed? Filed)> FileAsync(
        string? phone, string? email = null, string subject = "Kettle lid cracked", string? answer = null, string? website = null, (string Name, byte[] Bytes)? file = null)
    {
        using var anonymous = app.Anonymous();
        var challenge = await anonymous.GetFromJsonAsync<Challenge>("/api/v1/portal/challenge", Json.Options, Test.Ct);
        var form = new MultipartFormDataContent();
        void Field(string name, string? value)
        {
            if (value is not null) form.Add(new StringContent(value), name);
        }
        Field("name", "Ana Lima");
        Field("phone", phone);
        Field("email", email);
        Field("subject", subject);
        Field("description", "The lid of the kettle I received is cracked.");
        Field("demand", "Exchange");
        Field("answer", answer ?? (challenge!.A + challenge.B).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field("challengeToken", challenge!.Token);
        Field("website", website);
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "files", f.Name);
        var response = await anonymous.PostAsync("/api/v1/portal/complaints", form, Test.Ct);
        return (response, response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<Filed>(Json.Options, Test.Ct) : null);
    }

    private static async Task<HttpResponseMessage> LookUpAsync(HttpClient client, string number, string contact) =>
        await client.PostAsJsonAsync("/api/v1/portal/lookup", new { number, contact }, Json.Options, Test.Ct);

    private async Task<(Seen Case, string ETag)> ReadAsync(string token)
    {
        var response = await SendAsync(token, "", null);
        return (await Expect.JsonAsync<Seen>(response), response.Headers.ETag!.ToString());
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string action, object? body, string? ifMatch = null)
    {
        using var anonymous = app.Anonymous();
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, "/api/v1/portal/case" + (action.Length > 0 ? "/" + action : ""));
        request.Headers.Add("Portal-Token", token);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json.Options);
        var response = await anonymous.SendAsync(request, Test.Ct);
        await response.Content.LoadIntoBufferAsync(Test.Ct);
        return response;
    }

    private async Task<long> IdOfAsync(string number) => Assert.Single((await (await app.SignInAsync("agent")).ListAsync($"q={number}")).Items).Id;

    /// <summary>The staff's side, through the staff API, up to <paramref name="target"/> (grade 3: no approval).</summary>
    private async Task StaffStepsAsync(long id, CaseStatus target)
    {
        var agent = await app.SignInAsync("agent");
        var handler = await app.SignInAsync("handler");
        await agent.DoAsync(id, "acknowledge", Bodies.Note());
        await agent.DoAsync(id, "assign", Bodies.Assign(app.Ids.AfterSales, app.Ids.UserId("handler")));
        await handler.DoAsync(id, "start-investigation", Bodies.Note());
        if (target == CaseStatus.Investigating) return;
        await handler.DoAsync(id, "findings", Bodies.Findings());
        await handler.DoAsync(id, "propose-solution", Bodies.Solution());
        await handler.DoAsync(id, "implement", Bodies.Note());
        await handler.DoAsync(id, "request-confirmation", Bodies.Note());
    }

    private sealed record Challenge(int A, int B, string Token);

    private sealed record Filed(string Number, string TrackingToken, string TrackingLink, DateTime ReplyBy, List<string> RefusedFiles);

    private sealed record Granted(string AccessToken, DateTimeOffset ExpiresAt, Seen Case);

    private sealed record Told(DateTime At, TimelineEvent Event, CaseStatus? ToStatus, string? Text, bool FromCustomer);

    private sealed record Plan(string Measures, decimal? CompensationAmount, string? Currency);

    private sealed record Ratings(int Speed, int Effect, int Attitude, int Transparency, int Overall);

    private sealed record Answer(bool Satisfied, string? Comment, Ratings? Ratings);

    private sealed record Seen(string Number, int Version, CaseStatus Status, List<Told> Events, Plan? Plan, Answer? Confirmation, bool CanConfirm, bool CanRate, bool CanAnswer);
}

public sealed class PortalApiOnSqlite(PortalSqliteApp app) : PortalApiTests<PortalSqliteApp>(app);

public sealed class PortalApiOnPostgres(PortalPostgresApp app) : PortalApiTests<PortalPostgresApp>(app);
