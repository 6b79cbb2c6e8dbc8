using StandbyOps.Configuration.Reading;

namespace StandbyOps.Configuration.Mail;

/// <summary>Reads <c>mail:</c>, <c>mail.imap</c> and <c>mail.smtp</c>.</summary>
internal static class MailSection
{
    private static readonly string[] Keys = ["imap", "smtp", "from", "maxAttachmentBytes", "pollEvery", "templates"];
    private static readonly string[] TemplateKeys = ["subject", "text", "html"];
    private static readonly string[] ServerKeys = ["host", "port", "tls", "user", "password", "folder"];

    private static readonly Func<string, Parsed<MailTls>> ParseTls =
        Choices.Of(("none", MailTls.None), ("false", MailTls.None), ("starttls", MailTls.StartTls), ("true", MailTls.Tls), ("tls", MailTls.Tls));

    public static MailConfig? Read(MappingReader top)
    {
        if (top.Mapping("mail", "mail", Keys) is not { } mail)
        {
            return null;
        }

        var imap = mail.Mapping("imap", "mail.imap", ServerKeys) is { } i ? ReadServer(i, 993, MailTls.Tls) : null;
        var smtp = mail.Mapping("smtp", "mail.smtp", ServerKeys) is { } s ? ReadServer(s, 587, MailTls.StartTls) : null;
        var from = mail.Parse("from", ParseAddress, "", "\"Example MSP Support <support@example.net>\"");
        var max = mail.Int("maxAttachmentBytes", (int)MailConfig.DefaultMaxAttachmentBytes, 0, int.MaxValue);
        var pollEvery = mail.Parse("pollEvery", Durations.ParsePositive, MailConfig.DefaultPollEvery);
        if (imap is not null && imap.User is null)
        {
            mail.Reader.Error(mail.MarkOf("imap"), "mail.imap needs a user", "add user: support@example.net and password: ${IMAP_PASSWORD}");
        }

        return new MailConfig(imap, smtp, from, max, pollEvery, ReadTemplates(mail));
    }

    /// <summary>Reads <c>mail.templates.&lt;notice&gt;: { subject, text, html }</c>; an unknown placeholder is an error at its own line.</summary>
    private static Dictionary<string, MailTemplateConfig> ReadTemplates(MappingReader mail)
    {
        var templates = new Dictionary<string, MailTemplateConfig>(StringComparer.Ordinal);
        if (mail.Mapping("templates", "mail.templates", MailPlaceholders.Notices) is not { } all)
        {
            return templates;
        }

        foreach (var entry in all.Entries)
        {
            if (mail.Reader.Mapping(entry.Value, entry.KeyMark, $"mail.templates.{entry.Key}", TemplateKeys) is not { } template)
            {
                continue;
            }

            templates[entry.Key] = new MailTemplateConfig(Part(template, "subject"), Part(template, "text"), Part(template, "html"));
        }

        return templates;
    }

    private static string? Part(MappingReader template, string key)
    {
        if (template.Optional(key) is not { } scalar)
        {
            return null;
        }

        // A block scalar (text: |) starts on the line after its key; a flow one on the key's own line.
        var block = template.Find(key)?.Value is YamlDotNet.RepresentationModel.YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded };
        foreach (var piece in MailPlaceholders.Split(scalar.Value))
        {
            if (piece.IsPlaceholder && !MailPlaceholders.Names.Contains(piece.Text, StringComparer.Ordinal))
            {
                var line = scalar.Start.Line + (block ? 1 : 0) + scalar.Value.AsSpan(0, piece.Index).Count('\n');
                var at = new YamlDotNet.Core.Mark(scalar.Start.Index, line, block ? 1 : scalar.Start.Column);
                template.Reader.Error(at, $"unknown placeholder {{{piece.Text}}} in {template.What}.{key}",
                    $"use one of {string.Join(", ", MailPlaceholders.Names.Select(n => "{" + n + "}"))}; write {{{{ and }}}} for literal braces");
            }
        }

        return scalar.Value;
    }

    /// <summary>An address, bare or as <c>Name &lt;address&gt;</c>.</summary>
    public static Parsed<string> ParseAddress(string text)
    {
        var trimmed = text.Trim();
        var open = trimmed.LastIndexOf('<');
        var address = open >= 0 && trimmed.EndsWith('>') ? trimmed[(open + 1)..^1] : trimmed;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1 && !address.Contains(' ', StringComparison.Ordinal)
            ? Parsed.Success(trimmed)
            : Parsed.Failure<string>("is not an e-mail address", "write name@example.net, or \"Name <name@example.net>\"");
    }

    private static MailServerConfig ReadServer(MappingReader server, int defaultPort, MailTls defaultTls)
    {
        var host = server.Parse("host", Names.ParseHost, "", "mail.example.net");
        var port = server.Int("port", defaultPort, 1, 65535);
        var tls = server.Parse("tls", ParseTls, defaultTls);
        var user = server.String("user");
        var password = server.String("password");
        if (user is not null && password is null)
        {
            server.Reader.Error(server.MarkOf("user"), $"{server.What} has a user but no password", "add password: ${MAIL_PASSWORD} (from the environment, never in the file)");
        }

        return new MailServerConfig(host, port, tls, user, password, server.String("folder") ?? "INBOX");
    }
}
