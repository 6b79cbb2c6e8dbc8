using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using StandbyOps.Configuration;
using StandbyOps.Configuration.Mail;
using StandbyOps.Storage.Intents;

namespace StandbyOps.Desk.Mail;

/// <summary>
/// Sends <see cref="MailIntents.Send"/> intents over SMTP with MailKit. The Message-ID is derived from the intent's
/// id, so a mail repeated after a crash (sent, but not yet marked done) is recognisably the same mail. Without
/// <c>mail.smtp</c> the intent fails and stays due, so a mail queued before the configuration lost it is not dropped.
/// </summary>
public sealed class SmtpMailSender(Func<StandbyOpsConfig> config) : IIntentHandler
{
    public string Kind => MailIntents.Send;

    public async Task HandleAsync(Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var mail = config().Mail;
        if (mail?.Smtp is not { } smtp)
        {
            throw new InvalidOperationException("mail.smtp is not configured; the mail stays in the outbox.");
        }

        using var message = Build(OutgoingMail.FromJson(intent.Payload), mail.From, intent.Id);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureOptions(smtp.Tls), cancellationToken).ConfigureAwait(false);
        if (smtp.User is { } user)
        {
            await client.AuthenticateAsync(user, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The MIME message: multipart/alternative with the plain-text and the HTML part, in multipart/mixed with the attachments if any.</summary>
    public static MimeMessage Build(OutgoingMail mail, string from, string intentId)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{intentId}@standbyops" };
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var attachment in mail.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The MailKit option for a configured <see cref="MailTls"/>.</summary>
    public static SecureSocketOptions SecureOptions(MailTls tls) => tls switch
    {
        MailTls.None => SecureSocketOptions.None,
        MailTls.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
