using Redress.Data;
using Redress.Features.Accounts;
using Redress.Features.Admin;
using Redress.Features.Analytics;
using Redress.Features.Cases;
using Redress.Features.Incidents;
using Redress.Features.Notifications;
using Redress.Features.Portal;
using Redress.Features.Reference;
using Redress.Features.Routing;
using Redress.Features.Repeats;
using Redress.Features.Sla;
using Redress.Features.Triage.Learning;
using Redress.Features.Triage;
using Redress.Web;
using Scalar.AspNetCore;

if (args is ["triage", .. var triage]) return await TriageCommand.RunAsync(triage);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddRedressData();
builder.AddRedressAccounts();
builder.Services.AddRedressApi();
builder.AddRedressUi();
builder.Services.AddSingleton<ReferenceData>();
builder.Services.AddSingleton<StaffDirectory>();
builder.Services.AddCases(builder.Configuration);
builder.Services.AddSla(builder.Configuration);
builder.Services.AddTriage(builder.Configuration);
builder.Services.AddIncidents(builder.Configuration);
builder.Services.AddRepeats(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddPortal(builder.Configuration);
builder.Services.AddAnalytics(builder.Configuration);
builder.Services.AddSeeding(builder.Configuration);
builder.Services.AddAdministration();
builder.Services.AddTriageLearning(builder.Configuration);
builder.Services.AddCaseRouting();

var app = builder.Build();
await app.Services.MigrateAsync();
await app.Services.SeedAsync(app.Logger);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api").AllowAnonymous();
app.MapGet("/health", () => TypedResults.Ok("ok")).AllowAnonymous().ExcludeFromDescription();
var api = app.MapGroup("/api/v1");
api.MapAccountsApi();
api.MapCasesApi();
api.MapAnalyticsApi();
api.MapReferenceApi();
api.MapAdminApi();
api.MapNotificationsApi();
api.MapSlaApi();
api.MapPortalApi();
api.MapTriageModelsApi();
api.MapTriageApi();
api.MapIncidentsApi();
api.MapRoutingApi();
api.MapRepeatsApi();
app.MapRedressUi();

app.PrintWelcomeOnStart();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
