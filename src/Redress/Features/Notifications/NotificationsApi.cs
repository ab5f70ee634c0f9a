using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Redress.Web;

namespace Redress.Features.Notifications;

/// <summary>The signed-in user's in-app notifications (the bell) and their choice of what they are told (R-SLA-4).</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> ([AsParameters] NotificationQuery query, ListNotifications list, ClaimsPrincipal user, CancellationToken ct) =>
                await list.HandleAsync(query, user.ToActor(), ct) is var page && page.IsSuccess ? TypedResults.Ok(page.Value) : Problems.From(page.Error!))
            .WithSummary("Your notifications, newest first, titles in your language; unread=true for the unread only, before={nextBefore} for the next page.");
        notifications.MapGet("/unread-count", async (ListNotifications list, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await list.CountUnreadAsync(user.ToActor(), ct)))
            .WithSummary($"How many of your notifications are unread, counted up to {ListNotifications.CountCap}.");
        notifications.MapPost("/{id:long}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, MarkNotificationsRead mark, ClaimsPrincipal user, CancellationToken ct) =>
                await mark.OneAsync(id, user.ToActor(), ct) is { IsSuccess: false } failed ? Problems.From(failed.Error!) : TypedResults.NoContent())
            .WithSummary("Mark one of your notifications read (again: no change).");
        notifications.MapPost("/read-all", async (MarkNotificationsRead mark, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await mark.AllAsync(user.ToActor(), ct))))
            .WithSummary("Mark all your unread notifications read.");

        var preferences = api.MapGroup("/me/notification-preferences").WithTags("Notifications");
        preferences.MapGet("/", async (ChooseNotifications choices, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await choices.GetAsync(user.ToActor(), ct)))
            .WithSummary("Every event with whether you get it by mail and in the bell; events you never chose show the defaults.");
        preferences.MapPut("/", async Task<Results<Ok<List<NotificationChoice>>, ProblemHttpResult>> (NotificationChoicesRequest body, ChooseNotifications choices, ClaimsPrincipal user, CancellationToken ct) =>
                await choices.SaveAsync(body, user.ToActor(), ct) is var saved && saved.IsSuccess ? TypedResults.Ok(saved.Value) : Problems.From(saved.Error!))
            .WithSummary("Change your choices for the events listed (others keep theirs); answers with every event.");
        return notifications;
    }

    /// <param name="Marked">How many notifications were unread and are read now.</param>
    public sealed record MarkedRead(int Marked);
}
