using Microsoft.EntityFrameworkCore;
using Redress.Features.Notifications;

namespace Redress.Data;

/// <summary>What the administration of deliveries (failed messages, webhook subscriptions) adds to the outbox.</summary>
internal static class DeliveryAdminConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(b =>
        {
            b.Property(m => m.DiscardedBy).HasMaxLength(100);
            b.Property(m => m.RequeuedBy).HasMaxLength(100);
            // The failed messages page: given up and not discarded, newest first. Sent mail, the bulk of the table, is not in it.
            b.HasIndex(m => m.Id, "IX_Outbox_GivenUp").HasFilter("\"FailedAt\" IS NOT NULL AND \"DiscardedAt\" IS NULL");
            // A subscription's recent deliveries. Mail rows skip it, so it costs the notifier's mail inserts nothing.
            b.HasIndex(m => new { m.Recipient, m.Id }, "IX_Outbox_WebhookRecipient").HasFilter("\"Channel\" = 'Webhook'");
        });
    }
}
