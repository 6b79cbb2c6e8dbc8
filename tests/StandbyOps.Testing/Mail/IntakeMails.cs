using MimeKit;

namespace StandbyOps.Testing.Mail;

/// <summary>Mails a customer sends to the support mailbox, for the intake tests.</summary>
public static class IntakeMails
{
    /// <summary>
    /// A mail to support@msp.example with a unique Message-ID and a one-byte attachment <c>note-{number}.txt</c>, so a
    /// mail handled twice shows as a second attachment line.
    /// </summary>
    public static MimeMessage Numbered(int number, string from, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"mail-{number}-{Guid.NewGuid():N}@customer.example" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@msp.example"));
        var builder = new BodyBuilder { TextBody = text };
        builder.Attachments.Add($"note-{number}.txt", "x"u8.ToArray());
        message.Body = builder.ToMessageBody();
        return message;
    }
}
