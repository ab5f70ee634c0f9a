using System.Net;
using Microsoft.EntityFrameworkCore;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;
using Redress.Features.Cases;
using Redress.Features.Incidents;
using Redress.Features.Notifications;
using Redress.IntegrationTests.Infrastructure;
using static Redress.IntegrationTests.Incidents.Complaints;

namespace Redress.IntegrationTests.Incidents;

/// <summary>Running an incident (seed 003 ch.7) through the API: owner, status with If-Match, notes, one message to all.</summary>
public abstract class IncidentManagementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    /// <summary>An incident of five cases: three customers with an email address, two with only a phone.</summary>
    private async Task<(IncidentDetails Incident, string ETag, List<CaseDetails> Cases)> OpenAsync()
    {
        var agent = await app.SignInAsync("agent");
        var sku = Sku();
        var cases = new List<CaseDetails>();
        for (var i = 0; i < 5; i++)
            cases.Add(await agent.RegisterAsync(Complaint(sku, email: i < 3 ? $"group{Guid.NewGuid():N}@example.cn" : null)));
        var id = (await IncidentOfAsync(agent, cases[^1].Id))!.Id;
        var (incident, etag) = await ReadAsync(await app.SignInAsync("lead"), id);
        return (incident, etag, cases);
    }

    private static async Task<(IncidentDetails, string)> ReadAsync(ApiClient client, long id)
    {
        var response = await client.GetAsync($"/api/v1/incidents/{id}");
        return (await Expect.JsonAsync<IncidentDetails>(response), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task OneMessage_GoesToEveryCustomer_OnEachCasesContactLogAndByMail_AndNotTwiceOnTheSameVersion()
    {
        var (incident, etag, cases) = await OpenAsync();
        var lead = await app.SignInAsync("lead");
        var body = new MessageCustomersRequest("关于电热水壶漏电的说明", "我们已召回该批次产品，将为您免费更换。");

        Assert.Equal("if_match_required", (await Expect.ProblemAsync(await lead.PostAsync($"/api/v1/incidents/{incident.Id}/message", body), HttpStatusCode.PreconditionRequired)).Code);
        var sent = await Expect.JsonAsync<MessageSent>(await lead.PostAsync($"/api/v1/incidents/{incident.Id}/message", body, etag));

        Assert.Equal((5, 3, 0, 2), (sent.Cases, sent.ByEmail, sent.OnPortal, sent.ByLetter));
        Assert.Equal(IncidentEvent.CustomersMessaged, sent.Incident.Updates[^1].Event);
        // The lead runs the incident across departments; the agent, who sees every case, reads the copies.
        var agent = await app.SignInAsync("agent");
        foreach (var c in cases)
        {
            var log = await agent.GetJsonAsync<List<CommunicationItem>>($"/api/v1/cases/{c.Id}/communications");
            var message = Assert.Single(log);
            Assert.Equal((Direction.Outbound, body.Summary, body.Content), (message.Direction, message.Summary, message.Content));
            Assert.Equal(c.Customer.Email is null ? CommunicationMethod.Letter : CommunicationMethod.Email, message.Method);
            Assert.Equal(TimelineEvent.CommunicationAdded, (await agent.TimelineAsync(c.Id))[^1].Event);
        }
        var emails = cases.Where(c => c.Customer.Email is not null).Select(c => c.Customer.Email!).ToList();
        Assert.Equal(3, await app.QueryAsync(db => db.Outbox.CountAsync(m => m.Channel == DeliveryChannel.Email && emails.Contains(m.Recipient), Test.Ct)));

        var again = await lead.PostAsync($"/api/v1/incidents/{incident.Id}/message", body, etag);
        Assert.Equal("stale", (await Expect.ProblemAsync(again, HttpStatusCode.PreconditionFailed)).Code);
        Assert.Single(await agent.GetJsonAsync<List<CommunicationItem>>($"/api/v1/cases/{cases[0].Id}/communications"));
    }

    [Fact]
    public async Task OwnerAndStatus_FollowTheEmergencyProcess_WithIfMatch()
    {
        var (incident, etag, _) = await OpenAsync();
        var lead = await app.SignInAsync("lead");
        var path = $"/api/v1/incidents/{incident.Id}";

        var notManager = await lead.PostAsync(path + "/owner", new AssignOwnerRequest(app.Ids.UserId("agent")), etag);
        Assert.Equal("owner_not_manager", (await Expect.ProblemAsync(notManager, HttpStatusCode.BadRequest)).Code);
        var owned = await lead.PostAsync(path + "/owner", new AssignOwnerRequest(app.Ids.UserId("quality")), etag);
        var afterOwner = await Expect.JsonAsync<IncidentDetails>(owned);
        Assert.Equal(("陈静 Chen Jing", incident.Version + 1), (afterOwner.OwnerName, afterOwner.Version));
        Assert.Equal("stale", (await Expect.ProblemAsync(await lead.PostAsync(path + "/contain", new IncidentNoteRequest(null), etag), HttpStatusCode.PreconditionFailed)).Code);
        etag = owned.Headers.ETag!.ToString();

        var agent = await app.SignInAsync("agent");
        Assert.Equal("role_not_allowed", (await Expect.ProblemAsync(await agent.PostAsync(path + "/contain", new IncidentNoteRequest(null), etag), HttpStatusCode.Forbidden)).Code);

        var quality = await app.SignInAsync("quality");
        var contained = await quality.PostAsync(path + "/contain", new IncidentNoteRequest("该批次已下架。"), etag);
        Assert.Equal(IncidentStatus.Contained, (await Expect.JsonAsync<IncidentDetails>(contained)).Status);
        etag = contained.Headers.ETag!.ToString();

        // A status update only adds: no If-Match, and the version stays.
        var noted = await Expect.JsonAsync<IncidentDetails>(await quality.PostAsync(path + "/updates", new IncidentUpdateRequest("已联系全部客户。")));
        Assert.Equal((IncidentEvent.Note, "陈静 Chen Jing", "已联系全部客户。"), (noted.Updates[^1].Event, noted.Updates[^1].ActorName, noted.Updates[^1].Text));
        Assert.Equal(etag, (await ReadAsync(quality, incident.Id)).Item2);

        Assert.Equal(HttpStatusCode.BadRequest, (await quality.PostAsync(path + "/resolve", new { summary = "" }, etag)).StatusCode);
        Assert.Equal("illegal_transition", (await Expect.ProblemAsync(await quality.PostAsync(path + "/close", new IncidentNoteRequest(null), etag), HttpStatusCode.Conflict)).Code);
        var resolved = await quality.PostAsync(path + "/resolve", new ResolveIncidentRequest("底座密封圈批次不合格；已召回并更换供应商。"), etag);
        Assert.Equal(IncidentStatus.Resolved, (await Expect.JsonAsync<IncidentDetails>(resolved)).Status);
        var closed = await Expect.JsonAsync<IncidentDetails>(await quality.PostAsync(path + "/close", new IncidentNoteRequest("回访完成。"), resolved.Headers.ETag!.ToString()));

        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal([IncidentEvent.Opened, IncidentEvent.OwnerAssigned, IncidentEvent.Contained, IncidentEvent.Note, IncidentEvent.Resolved, IncidentEvent.Closed],
            closed.Updates.Select(u => u.Event));
    }

    [Fact]
    public async Task AnUnknownIncident_Is404_AndAHandlerSeesOnlyTheirDepartmentsCases()
    {
        var lead = await app.SignInAsync("lead");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/v1/incidents/999999")).StatusCode);
        var (incident, _, _) = await OpenAsync();

        var handler = await app.SignInAsync("handler");
        var seen = await handler.GetJsonAsync<IncidentDetails>($"/api/v1/incidents/{incident.Id}");
        Assert.Equal((5, 0), (seen.CaseCount, seen.Cases.Count));
        Assert.False(seen.CanManage);
    }
}

public sealed class IncidentManagementOnSqlite(GroupSqliteApp app) : IncidentManagementTests<GroupSqliteApp>(app);

public sealed class IncidentManagementOnPostgres(GroupPostgresApp app) : IncidentManagementTests<GroupPostgresApp>(app);
