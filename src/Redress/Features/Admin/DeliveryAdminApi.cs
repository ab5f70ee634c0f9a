using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Web;

namespace Redress.Features.Admin;

/// <summary>
/// The administration of deliveries (R-SLA-4) under /admin: webhook subscriptions with their recent calls, and the
/// outbox messages that failed. Mapped inside <see cref="AdminApi"/>'s group, so administrators only.
/// </summary>
public static class DeliveryAdminApi
{
    public static IServiceCollection AddDeliveryAdministration(this IServiceCollection services)
    {
        services.AddSingleton<ManageWebhooks>();
        services.AddSingleton<ListFailedMessages>();
        services.AddSingleton<HandleFailedMessages>();
        return services;
    }

    public static RouteGroupBuilder MapDeliveryAdminApi(this RouteGroupBuilder admin)
    {
        var hooks = admin.MapGroup("/webhooks");
        hooks.MapGet("/", async (ManageWebhooks webhooks, CancellationToken ct) => TypedResults.Ok(await webhooks.ListAsync(ct)))
            .WithSummary("Every webhook subscription; the secret's last four characters only.");
        hooks.MapGet("/{id:int}", async (int id, ManageWebhooks webhooks, CancellationToken ct) => AdminApi.Respond(await webhooks.GetAsync(id, ct)));
        hooks.MapPost("/", async Task<Results<Created<WebhookWithSecret>, ProblemHttpResult>> (WebhookInput body, ManageWebhooks webhooks, CancellationToken ct) =>
                await webhooks.CreateAsync(body, ct) is var created && created.IsSuccess
                    ? TypedResults.Created($"/api/v1/admin/webhooks/{created.Value.Subscription.Id}", created.Value)
                    : Problems.From(created.Error!))
            .WithSummary("A subscription (http or https URL; events empty for all). The answer carries the generated secret, shown this once.");
        hooks.MapPut("/{id:int}", async (int id, WebhookInput body, ManageWebhooks webhooks, CancellationToken ct) => AdminApi.Respond(await webhooks.UpdateAsync(id, body, ct)))
            .WithSummary("Change the name, URL and events.");
        hooks.MapPost("/{id:int}/enable", async (int id, ManageWebhooks webhooks, CancellationToken ct) => AdminApi.Respond(await webhooks.SetActiveAsync(id, true, ct)));
        hooks.MapPost("/{id:int}/disable", async (int id, ManageWebhooks webhooks, CancellationToken ct) => AdminApi.Respond(await webhooks.SetActiveAsync(id, false, ct)))
            .WithSummary("No more calls; those already queued are given up, saying the subscription is inactive.");
        hooks.MapPost("/{id:int}/rotate-secret", async (int id, ManageWebhooks webhooks, CancellationToken ct) => AdminApi.Respond(await webhooks.RotateSecretAsync(id, ct)))
            .WithSummary("A new secret, in force at once for every call from now on (retries included); shown this once.");
        hooks.MapPost("/{id:int}/test", async Task<Results<Accepted<OutboxItem>, ProblemHttpResult>> (int id, ManageWebhooks webhooks, CancellationToken ct) =>
                await webhooks.SendTestAsync(id, ct) is var sent && sent.IsSuccess
                    ? TypedResults.Accepted($"/api/v1/admin/webhooks/{id}/deliveries", sent.Value)
                    : Problems.From(sent.Error!))
            .WithSummary($"Queue a signed call of the event \"{ManageWebhooks.TestEvent}\" (body: event and at): its delivery shows whether the gateway answers and accepts the signature.");
        hooks.MapGet("/{id:int}/deliveries", async (int id, ManageWebhooks webhooks, CancellationToken ct) => AdminApi.Respond(await webhooks.DeliveriesAsync(id, ct)))
            .WithSummary($"The subscription's latest {ManageWebhooks.DeliveriesShown} calls, newest first, with their state, attempts and last error.");

        var outbox = admin.MapGroup("/outbox");
        outbox.MapGet("/failed", async ([AsParameters] FailedMessagesQuery query, ListFailedMessages failed, CancellationToken ct) => AdminApi.Respond(await failed.HandleAsync(query, ct)))
            .WithSummary("Mail and webhook calls that did not go out, newest first: state=GivenUp (default) or Retrying; before={nextBefore} pages on.");
        outbox.MapPost("/retry", async (OutboxIdsInput body, HandleFailedMessages handle, ClaimsPrincipal user, CancellationToken ct) =>
                AdminApi.Respond(await handle.RetryAsync(body, user.ToActor(), ct)))
            .WithSummary("Send these messages now, attempts counted afresh; all or none, recorded with your name.");
        outbox.MapPost("/discard", async (OutboxIdsInput body, HandleFailedMessages handle, ClaimsPrincipal user, CancellationToken ct) =>
                AdminApi.Respond(await handle.DiscardAsync(body, user.ToActor(), ct)))
            .WithSummary("Never send these messages; they stay in the outbox, recorded with your name.");
        return admin;
    }
}
