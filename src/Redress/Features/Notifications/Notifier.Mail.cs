using System.Globalization;
using System.Text;
using Redress.Data;

namespace Redress.Features.Notifications;

/// <summary>What notices say in mail, and the summaries that stand for many notices of one kind.</summary>
public sealed partial class Notifier
{
    /// <summary>Where a summary opens: the queue that lists its cases.</summary>
    public static string DigestLink(NotificationEvent e) => e == NotificationEvent.SlaWarning ? "/?queue=due-soon" : "/?queue=overdue";

    private bool HasDigest(NotificationEvent e) => !_text[$"Notify.Digest.{e}"].ResourceNotFound;

    /// <summary>A summary is stored as a notification without a case whose detail is the number of cases.</summary>
    private static Notification DigestNotification(string userId, NotificationEvent e, int count, DateTime now) =>
        new() { UserId = userId, Event = e, Detail = count.ToString(CultureInfo.InvariantCulture), CreatedAt = now };

    public static bool IsDigest(string? caseNumber, string? detail, out int count)
    {
        count = 0;
        return caseNumber is null && int.TryParse(detail, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>
    /// Mail in each recipient's language. What a notice says is the same for everyone who reads the language, so it
    /// is rendered once per notice and language and only the greeting differs: a scheduler pass mails thousands.
    /// </summary>
    private sealed class MailText(Notifier notifier, DateTime now)
    {
        private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN"), English = CultureInfo.GetCultureInfo("en");
        private (Notice? Notice, CultureInfo? Culture, string Title, string Due, string Body) _last;

        public OutboxMessage For(Notice notice, Staff user)
        {
            var culture = CultureOf(user);
            if (!ReferenceEquals(_last.Notice, notice) || _last.Culture != culture) _last = InCulture(culture, () => Render(notice, culture));
            var body = string.Format(culture, _last.Body, user.Name, _last.Title, notice.Subject, _last.Due, notifier._caseUrl + notice.CaseId, "\n");
            return Mail(user, _last.Title, body);
        }

        /// <summary>One mail for many notices of one kind: the cases listed (the first <see cref="DigestLines"/>), and the queue to open.</summary>
        public OutboxMessage Digest(NotificationEvent e, List<Notice> notices, Staff user)
        {
            var culture = CultureOf(user);
            return InCulture(culture, () =>
            {
                var text = notifier._text;
                var title = string.Format(culture, text[$"Notify.Digest.{e}"], notices.Count);
                var lines = new StringBuilder();
                foreach (var n in notices.Take(DigestLines)) lines.Append(CultureInfo.InvariantCulture, $"{n.CaseNumber}  {n.Subject}  {notifier._caseUrl}{n.CaseId}\n");
                if (notices.Count > DigestLines) lines.Append(string.Format(culture, text["Notify.Mail.DigestMore"], notices.Count - DigestLines)).Append('\n');
                return Mail(user, title, string.Format(culture, text["Notify.Mail.DigestBody"], user.Name, title, lines, notifier._publicUrl + DigestLink(e), "\n"));
            });
        }

        private const int DigestLines = 50;

        private static CultureInfo CultureOf(Staff user) => user.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

        /// <summary>The localizer reads the UI culture: set it for the rendering only.</summary>
        private static T InCulture<T>(CultureInfo culture, Func<T> render)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                return render();
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        private OutboxMessage Mail(Staff user, string title, string body) => new()
        {
            Channel = DeliveryChannel.Email, Recipient = user.Email!, Subject = $"[Redress] {title}", Body = body,
            CreatedAt = now, NextAttemptAt = now,
        };

        private (Notice, CultureInfo, string, string, string) Render(Notice notice, CultureInfo culture)
        {
            var text = notifier._text;
            var due = notice.DueAt is { } d
                ? string.Format(culture, text["Notify.Mail.Due"], TimeZoneInfo.ConvertTimeFromUtc(d, notifier._zone).ToString("yyyy-MM-dd HH:mm", culture), notifier._zone.Id)
                : "";
            return (notice, culture, notifier.Title(notice.Event, notice.CaseNumber, notice.Detail), due, text["Notify.Mail.Body"]);
        }
    }
}
