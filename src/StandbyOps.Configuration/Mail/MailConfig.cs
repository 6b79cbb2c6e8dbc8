using NodaTime;

namespace StandbyOps.Configuration.Mail;

/// <summary>
/// <c>mail:</c>: the support mailbox read over IMAP (absent: no e-mail intake), the SMTP server customer mails go
/// out through (absent: no mail is sent), the sender address, the largest attachment kept and how often the mailbox
/// is polled when the server offers no IDLE, and the customer mail templates by notice (absent: built-in defaults).
/// </summary>
public sealed record MailConfig(
    MailServerConfig? Imap, MailServerConfig? Smtp, string From, long MaxAttachmentBytes, Duration PollEvery,
    IReadOnlyDictionary<string, MailTemplateConfig>? Templates = null)
{
    public const long DefaultMaxAttachmentBytes = 10 * 1024 * 1024;

    public static readonly Duration DefaultPollEvery = Duration.FromMinutes(1);
}
