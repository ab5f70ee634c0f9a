using System.Net;
using Redress.Features.Cases;
using Redress.Features.Incidents;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Incidents;

/// <summary>Hosts with group-complaint detection on at its defaults: 5 distinct customers within 24 hours.</summary>
public sealed class GroupSqliteApp : SqliteApp
{
    public GroupSqliteApp() => GroupMinCustomers = "5";
}

public sealed class GroupPostgresApp : PostgresApp
{
    public GroupPostgresApp() => GroupMinCustomers = "5";
}

/// <summary>Complaints about one product from many customers.</summary>
internal static class Complaints
{
    /// <summary>A product no other test uses, so each test counts only its own customers.</summary>
    public static string Sku() => "KT-" + Guid.NewGuid().ToString("N")[..10];

    public static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    public static RegisterCaseRequest Complaint(string? sku, string? phone = null, string? batch = null, string? email = null) =>
        A.Case().From("周晓燕", phone ?? Phone(), email).Build()
            with { Product = new ProductInput(null, sku is null ? null : "电热水壶 " + sku, sku, batch) };

    public static async Task<CaseIncident?> IncidentOfAsync(ApiClient client, long caseId)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}/incident");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Expect.JsonAsync<CaseIncident>(response);
    }
}
