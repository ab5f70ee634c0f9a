using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Redress.Bench.Load;
using Redress.Data;
using Redress.Domain.Cases;
using Redress.Features.Reference;
using Redress.Features.Triage;
using Redress.Features.Triage.Learning;

namespace Redress.Bench.Triage;

/// <summary>
/// <c>triage --parts DATADIR</c>: registration's triage step as the server runs it (the rules and reference caches,
/// the suggestion, the contact count on a pooled context), in-process on a seeded SQLite data folder, for 2,000
/// intake bodies of the load test. Read-only: the count reads, nothing is written.
/// </summary>
internal static class RegistrationPartsBench
{
    public static async Task RunAsync(string dataDir)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration["Storage:Provider"] = "sqlite";
        builder.Configuration["Storage:DataDirectory"] = dataDir;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRedressData();
        builder.Services.AddSingleton<ReferenceData>();
        builder.Services.AddTriage(builder.Configuration);
        builder.Services.AddTriageLearning(builder.Configuration);
        await using var app = builder.Build();
        var models = app.Services.GetRequiredService<TriageModels>();
        await models.RefreshAsync(CancellationToken.None);
        var suggest = app.Services.GetRequiredService<SuggestTriage>();
        var dbs = app.Services.GetRequiredService<IDbContextFactory<RedressDb>>();
        await using var probe = await dbs.CreateDbContextAsync();
        var departments = await probe.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        var categories = await probe.Categories.ToDictionaryAsync(c => c.Code, c => c.Id);
        var bodies = CaseBodies.Make(2000, departments, categories, 7).Select(b => System.Text.Json.JsonSerializer.Deserialize<Redress.Features.Cases.RegisterCaseRequest>(b, CaseBodies.Json)!).ToList();
        var inputs = bodies.Select(r => new NewCase(r.Channel!.Value, r.Subject, r.Description, null,
            new Customer { Name = r.Customer.Name, Phone = r.Customer.Phone, Email = r.Customer.Email, CustomerId = r.Customer.CustomerId },
            new ProductReference(), CustomerDemand.Other, null, null, 3, CaseFlags.None, null, [])).ToList();
        foreach (var i in inputs.Take(200)) await suggest.ForNewCaseAsync(i, DateTime.UtcNow, CancellationToken.None);
        var times = new List<double>();
        var clock = new Stopwatch();
        foreach (var i in inputs)
        {
            clock.Restart();
            await suggest.ForNewCaseAsync(i, DateTime.UtcNow, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report("ForNewCaseAsync on the server's services", times);
        if (models.ActiveVersions.Count == 0) return;
        times.Clear();
        foreach (var i in inputs)
        {
            clock.Restart();
            models.Predict(i.Subject + "\n" + i.Description);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Report("the active category model's prediction alone", times);
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {times[times.Count / 2]:F3} ms, p95 {times[times.Count * 95 / 100]:F3} ms, max {times[^1]:F3} ms"));
    }
}
