namespace StandbyOps.Configuration.Mail;

/// <summary>How a mail connection is secured: <c>none</c> (loopback and tests only), <c>starttls</c> or <c>true</c> (TLS from the first byte).</summary>
public enum MailTls
{
    None,
    StartTls,
    Tls,
}
