namespace Redress.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The notifier, and delivery of the outbox it writes: mail, webhooks and the loop that sends them.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Notifications");
        services.AddSingleton(section.Get<NotificationOptions>() ?? new NotificationOptions());
        services.AddSingleton<Notifier>();
        services.AddSingleton<ListNotifications>();
        services.AddSingleton<MarkNotificationsRead>();
        services.AddSingleton<ChooseNotifications>();
        services.AddSingleton(section.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton(section.GetSection("Delivery").Get<DeliveryOptions>() ?? new DeliveryOptions());
        services.AddSingleton(section.GetSection("Dispatcher").Get<DispatcherOptions>() ?? new DispatcherOptions());
        var webhookOptions = section.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(webhookOptions.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<MailSender>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<OutboxBatches>();
        services.AddSingleton<DeliverOutbox>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
