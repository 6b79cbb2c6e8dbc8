namespace StandbyOps.Configuration.Mail;

/// <summary>
/// One customer mail's template from <c>mail.templates.&lt;notice&gt;</c>: subject, plain-text and HTML part, each with
/// <see cref="MailPlaceholders"/>; a part left out keeps the built-in default.
/// </summary>
public sealed record MailTemplateConfig(string? Subject, string? Text, string? Html);
