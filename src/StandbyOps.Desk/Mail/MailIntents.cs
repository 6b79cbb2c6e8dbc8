namespace StandbyOps.Desk.Mail;

/// <summary>The intent kinds of the mail outbox.</summary>
public static class MailIntents
{
    /// <summary>Send one mail over SMTP (<see cref="OutgoingMail"/> as payload).</summary>
    public const string Send = "mail.send";

    /// <summary>A periodic customer update of one ticket is due (<see cref="UpdatePayload"/> as payload).</summary>
    public const string Update = "mail.update";
}
