namespace StandbyOps.Configuration.Mail;

/// <summary>One mail server (<c>mail.imap</c> or <c>mail.smtp</c>); <see cref="Folder"/> is the IMAP mailbox polled (default INBOX).</summary>
public sealed record MailServerConfig(string Host, int Port, MailTls Tls, string? User, string? Password, string Folder)
{
    /// <summary>Never prints the password (it usually comes from <c>${ENV}</c>).</summary>
    public override string ToString() => $"{Host}:{Port} ({Tls}, user {User ?? "none"})";
}
