using System.Diagnostics;
using MimeKit;
using Redress.IntegrationTests.Infrastructure;

namespace Redress.IntegrationTests.Notifications;

/// <summary>
/// The SMTP server test.sh starts (Debian's aiosmtpd on a loopback port, writing a Maildir): REDRESS_TEST_SMTP_PORT,
/// REDRESS_TEST_MAILDIR and REDRESS_TEST_SMTP_CTL (a script taking start|stop). Without them the mail tests skip,
/// unless REDRESS_REQUIRE_ALL=1 makes them fail. One server for the whole run: tests find their mail by a token.
/// </summary>
public static class MailServer
{
    /// <summary>The test collection of everything that sends to, or stops, the server.</summary>
    public const string Collection = "SMTP server";

    public static string? Port => Variable("REDRESS_TEST_SMTP_PORT");
    private static string? Maildir => Variable("REDRESS_TEST_MAILDIR");
    private static string? Control => Variable("REDRESS_TEST_SMTP_CTL");

    public static bool IsConfigured => Port is not null && Maildir is not null && Control is not null;

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    public static void Require()
    {
        if (IsConfigured) return;
        const string what = "REDRESS_TEST_SMTP_PORT, REDRESS_TEST_MAILDIR and REDRESS_TEST_SMTP_CTL (test.sh starts an SMTP server and sets them)";
        if (Environment.GetEnvironmentVariable("REDRESS_REQUIRE_ALL") == "1")
            Assert.Fail($"REDRESS_REQUIRE_ALL=1 but there is no test SMTP server: set {what}.");
        Assert.Skip($"Mail test: set {what}.");
    }

    public static Task StopAsync() => ControlAsync("stop");

    public static Task StartAsync() => ControlAsync("start");

    private static async Task ControlAsync(string verb)
    {
        Require();
        var start = new ProcessStartInfo(Control!, verb) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Test.Ct);
        var errors = process.StandardError.ReadToEndAsync(Test.Ct);
        await process.WaitForExitAsync(Test.Ct);
        Assert.True(process.ExitCode == 0, $"{Control} {verb} exited with {process.ExitCode}: {await output}{await errors}");
    }

    /// <summary>Every mail received so far whose text contains <paramref name="token"/>.</summary>
    public static List<ReceivedMail> MailAbout(string token)
    {
        Require();
        var mails = new List<ReceivedMail>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Maildir!, "new")).Concat(Directory.EnumerateFiles(Path.Combine(Maildir!, "cur"))))
        {
            var message = MimeMessage.Load(file, Test.Ct);
            if (message.TextBody?.Contains(token, StringComparison.Ordinal) != true) continue;
            mails.Add(new ReceivedMail(string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject ?? "", message.TextBody,
                message.MessageId ?? "", message.Headers["X-RcptTo"], message.From.Mailboxes.Single().Address));
        }
        return mails;
    }
}

/// <param name="EnvelopeTo">The recipients the server was given in RCPT TO (aiosmtpd's X-RcptTo).</param>
public sealed record ReceivedMail(string To, string Subject, string Text, string MessageId, string? EnvelopeTo, string From);
