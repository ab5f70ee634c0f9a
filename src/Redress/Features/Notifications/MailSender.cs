using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Redress.Features.Notifications;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP: for a relay on this machine or a trusted network only.</summary>
    None,
    /// <summary>STARTTLS required (port 587 or 25), the certificate checked.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465), the certificate checked.</summary>
    SslOnConnect,
}

/// <summary>Section <c>Notifications:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty turns email off: mail in the outbox is then marked failed at once (see <see cref="MailSender"/>).</summary>
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string FromAddress { get; set; } = "redress@localhost";
    public string FromName { get; set; } = "Redress";
    /// <summary>Signs in when set.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>For connecting and for each SMTP command.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Sends the outbox's mail over SMTP with MailKit, one connection for all the mail of a batch. Plain UTF-8 text;
/// the Message-ID is made from the outbox id, so a mail sent twice (at-least-once) can be recognised as one.
/// With no host configured email is off and mail is given up at once with that reason: an operator who turned
/// it off does not want a day's stale SLA mail when turning it on again, and the bell has the same news.
/// </summary>
public sealed class MailSender(SmtpOptions options)
{
    public const string OffReason = "Email is off: Notifications:Smtp:Host is empty.";

    public bool IsOn => !string.IsNullOrWhiteSpace(options.Host);

    public async IAsyncEnumerable<(OutboxMessage Message, DeliveryOutcome Outcome)> SendAsync(
        IReadOnlyList<OutboxMessage> mails, [EnumeratorCancellation] CancellationToken ct)
    {
        // Set when mail cannot go out now: the rest of the batch waits for its next attempt untried.
        var (down, final) = IsOn ? (null, false) : (OffReason, true);
        MailboxAddress? from = null;
        if (IsOn && !MailboxAddress.TryParse(options.FromAddress, out from))
            down = $"Notifications:Smtp:FromAddress '{options.FromAddress}' is not an email address.";
        else if (from is not null)
            from.Name = options.FromName;
        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        foreach (var mail in mails)
        {
            DeliveryOutcome outcome;
            if (down is not null) outcome = final ? DeliveryOutcome.GiveUp(down) : DeliveryOutcome.Retry(down);
            else if (!MailboxAddress.TryParse(mail.Recipient, out var to)) outcome = DeliveryOutcome.GiveUp($"'{mail.Recipient}' is not an email address.");
            else
            {
                try
                {
                    if (!smtp.IsConnected) await ConnectAsync(smtp, ct);
                }
                catch (Exception ex) when (ex is CommandException or AuthenticationException)
                {
                    // Refused at the greeting or the sign-in: a server or a setting to fix, then the retries go out.
                    down = $"The mail server {options.Host}:{options.Port} refused the session: {ex.Message}";
                }
                catch (Exception ex) when (IsTransient(ex))
                {
                    down = $"Cannot reach the mail server {options.Host}:{options.Port}: {ex.Message}";
                }
                outcome = down is not null ? DeliveryOutcome.Retry(down) : await SendOneAsync(smtp, Compose(mail, from!, to), ct);
            }
            yield return (mail, outcome);
        }
        if (smtp.IsConnected) await QuitAsync(smtp);
    }

    private static async Task<DeliveryOutcome> SendOneAsync(SmtpClient smtp, MimeMessage message, CancellationToken ct)
    {
        try
        {
            await smtp.SendAsync(message, ct);
            return DeliveryOutcome.Delivered;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // A permanent refusal of this mail (unknown mailbox, too big): retrying cannot help. The connection stays usable.
            return DeliveryOutcome.GiveUp($"The mail server refused it: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (SmtpCommandException ex)
        {
            return DeliveryOutcome.Retry($"The mail server answered {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // The connection broke: the next mail connects again.
            await smtp.DisconnectAsync(false, CancellationToken.None);
            return DeliveryOutcome.Retry($"Sending failed: {ex.Message}");
        }
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var security = options.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await smtp.ConnectAsync(options.Host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName)) await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
    }

    private static MimeMessage Compose(OutboxMessage mail, MailboxAddress from, MailboxAddress to)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject ?? "",
            Date = new DateTimeOffset(mail.CreatedAt, TimeSpan.Zero),
            MessageId = $"outbox-{mail.Id}-{mail.CreatedAt:yyyyMMddHHmmss}@{from.Domain}",
        };
        message.From.Add(from);
        message.To.Add(to);
        // RFC 3834: no out-of-office replies to a notification.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, mail.Body);
        message.Body = text;
        return message;
    }

    /// <summary>Says goodbye; a server that went away meanwhile changes nothing, the mail was accepted.</summary>
    private static async Task QuitAsync(SmtpClient smtp)
    {
        try
        {
            await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            await smtp.DisconnectAsync(false, CancellationToken.None);
        }
    }

    /// <summary>The network or the server, not a bug: worth another attempt later.</summary>
    private static bool IsTransient(Exception ex) => ex is IOException or SocketException or TimeoutException
        or ProtocolException or ServiceNotConnectedException or SslHandshakeException or AuthenticationException;
}
