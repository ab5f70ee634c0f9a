using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Data;
using Redress.Domain.Cases;

namespace Redress.Features.Notifications;

public sealed class NotificationOptions
{
    /// <summary>Where links in mail point: the address people open Redress at.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
    /// <summary>The zone times in mail are written in (the recipient's browser zone is not known to a mail).</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    /// <summary>
    /// A person told of more notices than this of one kind at once (a scheduler pass after downtime, a day's
    /// limits falling due together) gets one summary instead: one bell entry and one mail listing the cases.
    /// Only kinds with a summary text (Notify.Digest.*) are summarised; webhooks always get every event.
    /// </summary>
    public int DigestAbove { get; set; } = 5;
}

/// <summary>Who hears of an event: resolved against the staff when the notice is written.</summary>
public enum Audience
{
    /// <summary>The handler; the lead department's leads when nobody is assigned.</summary>
    AssigneeOrLeads,
    /// <summary>The lead department's leads, and the handler.</summary>
    LeadsAndAssignee,
    /// <summary>The lead department's leads.</summary>
    Leads,
    Executives,
    /// <summary>One named user.</summary>
    User,
}

public sealed record Notice(NotificationEvent Event, Audience Audience, long CaseId, string CaseNumber, string Subject,
    int? DepartmentId, string? AssigneeId, string? Detail = null, DateTime? DueAt = null, string? UserId = null);

/// <summary>
/// Turns notices into in-app notifications, mails and webhook calls, added to the caller's unit of work so they
/// commit with the event (the outbox of R-SLA-4). Each user's choices decide what they get, by mail in their language.
/// </summary>
public sealed partial class Notifier(IStringLocalizerFactory localizers, NotificationOptions options)
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(Ui));
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
    private readonly string _publicUrl = options.PublicUrl.TrimEnd('/');
    private readonly string _caseUrl = options.PublicUrl.TrimEnd('/') + "/cases/";

    private sealed record Staff(string Id, string Name, string? Email, string Language, List<string> Roles, List<int> Departments);

    /// <summary>What a batch of notices becomes: rows for the bell and for the outbox, not yet added to anything.</summary>
    public sealed record Deliveries(List<Notification> InApp, List<OutboxMessage> Outbox);

    /// <summary>Adds the notices' deliveries to <paramref name="db"/>, to be saved with the event.</summary>
    public async Task AddAsync(RedressDb db, IReadOnlyCollection<Notice> notices, DateTime now, CancellationToken ct)
    {
        var deliveries = await DeliveriesAsync(db, notices, now, ct);
        db.Notifications.AddRange(deliveries.InApp);
        db.Outbox.AddRange(deliveries.Outbox);
    }

    /// <summary>The notices' deliveries, for a caller that writes them itself (the scheduler, in bulk).</summary>
    public async Task<Deliveries> DeliveriesAsync(RedressDb db, IReadOnlyCollection<Notice> notices, DateTime now, CancellationToken ct)
    {
        var deliveries = new Deliveries([], []);
        if (notices.Count == 0) return deliveries;
        var staff = await StaffAsync(db, now, ct);
        var byId = staff.ToDictionary(s => s.Id);
        var recipientIds = new HashSet<string>();
        var resolved = notices.Select(n => (Notice: n, To: Recipients(n, staff, byId))).ToList();
        foreach (var (_, to) in resolved) recipientIds.UnionWith(to.Select(s => s.Id));
        var choices = await db.NotificationPreferences.AsNoTracking().Where(p => recipientIds.Contains(p.UserId))
            .ToDictionaryAsync(p => (p.UserId, p.Event), ct);
        var hooks = await db.Webhooks.AsNoTracking().Where(w => w.Active).ToListAsync(ct);
        var mails = new MailText(this, now);
        var perPerson = resolved.SelectMany(r => r.To.Select(user => (User: user, r.Notice))).GroupBy(x => (x.User.Id, x.Notice.Event));
        foreach (var group in perPerson)
        {
            var user = group.First().User;
            var (email, inApp) = choices.TryGetValue(group.Key, out var p) ? (p.Email, p.InApp) : NotificationDefaults.For(group.Key.Event);
            var told = group.Select(x => x.Notice).ToList();
            if (told.Count > options.DigestAbove && HasDigest(group.Key.Event))
            {
                if (inApp) deliveries.InApp.Add(DigestNotification(user.Id, group.Key.Event, told.Count, now));
                if (email && !string.IsNullOrWhiteSpace(user.Email)) deliveries.Outbox.Add(mails.Digest(group.Key.Event, told, user));
                continue;
            }
            foreach (var notice in told)
            {
                if (inApp)
                {
                    deliveries.InApp.Add(new Notification
                    {
                        UserId = user.Id, Event = notice.Event, CaseId = notice.CaseId, CaseNumber = notice.CaseNumber,
                        Detail = notice.Detail, CreatedAt = now,
                    });
                }
                if (email && !string.IsNullOrWhiteSpace(user.Email)) deliveries.Outbox.Add(mails.For(notice, user));
            }
        }
        foreach (var (notice, to) in resolved)
        {
            foreach (var hook in hooks.Where(h => h.Wants(notice.Event)))
            {
                deliveries.Outbox.Add(new OutboxMessage
                {
                    Channel = DeliveryChannel.Webhook, Recipient = hook.Id.ToString(CultureInfo.InvariantCulture),
                    Body = JsonSerializer.Serialize(new
                    {
                        @event = notice.Event.ToString(), caseId = notice.CaseId, caseNumber = notice.CaseNumber,
                        subject = notice.Subject, detail = notice.Detail, dueAt = notice.DueAt, at = now,
                        recipients = to.Select(u => u.Id),
                    }, JsonOptions),
                    CreatedAt = now, NextAttemptAt = now,
                });
            }
        }
        return deliveries;
    }

    /// <summary>A mail to the customer of a case, sent through the outbox like every other.</summary>
    public static void AddCustomerMail(RedressDb db, Case kase, Communication message, DateTime now) =>
        db.Outbox.Add(new OutboxMessage
        {
            Channel = DeliveryChannel.Email, Recipient = kase.Customer.Email!.Trim(),
            Subject = $"{message.Summary} · {kase.Number}", Body = message.Content ?? message.Summary,
            CreatedAt = now, NextAttemptAt = now,
        });

    /// <summary>The title of a notification in the current UI culture, for the bell.</summary>
    public string Title(NotificationEvent e, string? caseNumber, string? detail) =>
        IsDigest(caseNumber, detail, out var count)
            ? string.Format(CultureInfo.CurrentCulture, _text[$"Notify.Digest.{e}"], count)
            : string.Format(CultureInfo.CurrentCulture, _text[$"Notify.{e}"], caseNumber, TargetName(detail));

    private string TargetName(string? detail) => detail is null ? "" : _text[$"Sla.Target.{detail}"].ResourceNotFound ? detail : _text[$"Sla.Target.{detail}"];

    private static List<Staff> Recipients(Notice n, List<Staff> staff, Dictionary<string, Staff> byId)
    {
        IEnumerable<Staff> Leads() => staff.Where(s => s.Roles.Contains(nameof(Role.Lead)) && n.DepartmentId is { } d && s.Departments.Contains(d));
        Staff? Assignee() => n.AssigneeId is { } a && byId.TryGetValue(a, out var s) ? s : null;
        IEnumerable<Staff> to = n.Audience switch
        {
            Audience.AssigneeOrLeads => Assignee() is { } a ? [a] : Leads(),
            Audience.LeadsAndAssignee => Assignee() is { } a ? Leads().Append(a) : Leads(),
            Audience.Leads => Leads(),
            Audience.Executives => staff.Where(s => s.Roles.Contains(nameof(Role.Executive))),
            Audience.User => n.UserId is { } u && byId.TryGetValue(u, out var one) ? [one] : [],
            _ => [],
        };
        return [.. to.DistinctBy(s => s.Id)];
    }

    /// <summary>Active staff with roles and departments: a few hundred rows, read once per batch of notices.</summary>
    private static async Task<List<Staff>> StaffAsync(RedressDb db, DateTime utcNow, CancellationToken ct)
    {
        // SQLite cannot compare DateTimeOffset in a query, so locked accounts are left out here.
        var now = new DateTimeOffset(utcNow, TimeSpan.Zero);
        var users = (await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Language, u.LockoutEnd, Departments = u.Departments.Select(d => d.DepartmentId).ToList() })
            .ToListAsync(ct)).Where(u => u.LockoutEnd is null || u.LockoutEnd < now);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => new Staff(u.Id, u.DisplayName, u.Email, u.Language, [.. rolesByUser[u.Id]], u.Departments))];
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
