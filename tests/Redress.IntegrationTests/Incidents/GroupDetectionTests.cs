using System.Net;
using Redress.Domain.Cases;
using Redress.Domain.Incidents;
using Redress.Features.Cases;
using Redress.Features.Incidents;
using Redress.Features.Notifications;
using Redress.IntegrationTests.Infrastructure;
using static Redress.IntegrationTests.Incidents.Complaints;

namespace Redress.IntegrationTests.Incidents;

/// <summary>Issue 5 part 6 through the API: 5 distinct customers on one product within 24 hours open one incident.</summary>
public abstract class GroupDetectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RedressApp
{
    [Fact]
    public async Task TheFifthDistinctCustomer_OpensOneIncident_WithEveryCaseFlaggedAndManagementAlerted()
    {
        var agent = await app.SignInAsync("agent");
        var sku = Sku();
        var earlier = new List<CaseDetails>();
        for (var i = 0; i < 4; i++) earlier.Add(await agent.RegisterAsync(Complaint(sku)));
        Assert.All(earlier, c => Assert.Empty(c.Flags));
        Assert.Null(await IncidentOfAsync(agent, earlier[0].Id));

        var fifth = await agent.RegisterAsync(Complaint(sku.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));

        Assert.Equal(("Group", 2), (Assert.Single(fifth.Flags), fifth.Version));
        var incident = await IncidentOfAsync(agent, fifth.Id);
        Assert.NotNull(incident);
        var details = await agent.GetJsonAsync<IncidentDetails>($"/api/v1/incidents/{incident.Id}");
        Assert.Equal((IncidentStatus.Open, GroupKeyKind.Product, 5, 5), (details.Status, details.KeyKind, details.CaseCount, details.Customers));
        Assert.Equal([.. earlier.Select(c => c.Id), fifth.Id], details.Cases.Select(c => c.CaseId));
        Assert.Equal(IncidentEvent.Opened, Assert.Single(details.Updates).Event);
        foreach (var c in earlier)
        {
            var (now, _) = await agent.GetCaseAsync(c.Id);
            Assert.Equal(("Group", 2), (Assert.Single(now.Flags), now.Version));
            var joined = (await agent.TimelineAsync(c.Id))[^1];
            Assert.Equal((TimelineEvent.IncidentJoined, "system"), (joined.Event, joined.ActorId));
            Assert.Contains(incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), joined.Changes);
        }
        var executive = await app.SignInAsync("executive");
        var bell = await executive.GetJsonAsync<NotificationPage>("/api/v1/notifications");
        Assert.Contains(bell.Items, n => n.Event == NotificationEvent.IncidentOpened && n.CaseId == fifth.Id && n.Detail == details.Label);
        var list = await executive.GetJsonAsync<List<IncidentSummary>>("/api/v1/incidents");
        Assert.Contains(list, i => i.Id == incident.Id && i.Customers == 5 && i.Cases == 5);
    }

    [Fact]
    public async Task TheSameCustomerTwice_CountsOnce()
    {
        var agent = await app.SignInAsync("agent");
        var sku = Sku();
        var phones = Enumerable.Range(0, 4).Select(_ => Phone()).ToList();
        foreach (var phone in phones) await agent.RegisterAsync(Complaint(sku, phone));

        // The first customer again, writing the number another way: still four customers.
        var again = await agent.RegisterAsync(Complaint(sku, "+86 " + phones[0]));
        Assert.Empty(again.Flags);
        Assert.Null(await IncidentOfAsync(agent, again.Id));

        var fifth = await agent.RegisterAsync(Complaint(sku));
        var incident = await agent.GetJsonAsync<IncidentDetails>($"/api/v1/incidents/{(await IncidentOfAsync(agent, fifth.Id))!.Id}");
        Assert.Equal((6, 5), (incident.CaseCount, incident.Customers));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, false)]
    public async Task TheFifthCustomerAMinuteInsideTheWindow_OpensIt_AMinuteOutside_DoesNot(int minutesPastWindow, bool opens)
    {
        var sku = Sku();
        var first = await (await app.SignInAsync("agent")).RegisterAsync(Complaint(sku));
        app.Advance(TimeSpan.FromHours(1));
        var agent = await app.SignInAsync("agent");
        for (var i = 0; i < 3; i++) await agent.RegisterAsync(Complaint(sku));

        app.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(minutesPastWindow));
        agent = await app.SignInAsync("agent");
        var fifth = await agent.RegisterAsync(Complaint(sku));

        Assert.Equal(opens, fifth.Flags.Contains("Group"));
        Assert.Equal(opens, await IncidentOfAsync(agent, first.Id) is not null);
    }

    [Fact]
    public async Task NewMatchingCases_JoinTheRunningIncident_ByProductOrByBatchAlone()
    {
        var agent = await app.SignInAsync("agent");
        var (sku, batch) = (Sku(), "B" + Guid.NewGuid().ToString("N")[..6]);
        CaseDetails last = default!;
        for (var i = 0; i < 5; i++) last = await agent.RegisterAsync(Complaint(sku, batch: batch));
        var incident = (await IncidentOfAsync(agent, last.Id))!;

        var sameProduct = await agent.RegisterAsync(Complaint(sku));
        var batchOnly = await agent.RegisterAsync(Complaint(null, batch: batch));
        var other = await agent.RegisterAsync(Complaint(Sku()));

        Assert.Equal(("Group", "Group"), (Assert.Single(sameProduct.Flags), Assert.Single(batchOnly.Flags)));
        // Stored with the case's row, not only in the registration's answer.
        var stored = await agent.GetJsonAsync<CaseDetails>($"/api/v1/cases/{batchOnly.Id}");
        Assert.Equal(("Group", batchOnly.Version), (Assert.Single(stored.Flags), stored.Version));
        Assert.Equal((incident.Id, incident.Id), ((await IncidentOfAsync(agent, sameProduct.Id))!.Id, (await IncidentOfAsync(agent, batchOnly.Id))!.Id));
        Assert.Null(await IncidentOfAsync(agent, other.Id));
        Assert.Equal(TimelineEvent.IncidentJoined, (await agent.TimelineAsync(batchOnly.Id))[^1].Event);
        Assert.Equal(7, (await agent.GetJsonAsync<IncidentDetails>($"/api/v1/incidents/{incident.Id}")).CaseCount);
    }

    [Fact]
    public async Task EightConcurrentArrivals_OpenExactlyOneIncident_WithAllOfThem()
    {
        var agent = await app.SignInAsync("agent");
        var sku = Sku();

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => agent.RegisterAsync(Complaint(sku))));

        var incidents = (await Task.WhenAll(created.Select(c => IncidentOfAsync(agent, c.Id)))).ToList();
        Assert.All(incidents, i => Assert.NotNull(i));
        var id = Assert.Single(incidents.Select(i => i!.Id).Distinct());
        var details = await agent.GetJsonAsync<IncidentDetails>($"/api/v1/incidents/{id}");
        Assert.Equal((8, 8), (details.CaseCount, details.Customers));
        foreach (var c in created) Assert.Contains("Group", (await agent.GetCaseAsync(c.Id)).Case.Flags);
        Assert.Single(await app.QueryAsync(db => Task.FromResult(db.Incidents.Where(i => i.GroupKey == details.GroupKey).ToList())));
    }
}

public sealed class GroupDetectionOnSqlite(GroupSqliteApp app) : GroupDetectionTests<GroupSqliteApp>(app);

public sealed class GroupDetectionOnPostgres(GroupPostgresApp app) : GroupDetectionTests<GroupPostgresApp>(app);
