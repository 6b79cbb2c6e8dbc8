namespace StandbyOps.Testing.Mail;

/// <summary>One message an SMTP client handed over: envelope sender, envelope recipients and the raw RFC 5322 message.</summary>
public sealed record SmtpMessage(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The Subject header as sent (unfolded, not decoded).</summary>
    public string Subject
    {
        get
        {
            var lines = Data.Split("\r\n");
            var at = Array.FindIndex(lines, l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                return string.Empty;
            }

            var subject = lines[at]["Subject:".Length..].Trim();
            for (var i = at + 1; i < lines.Length && lines[i].Length > 0 && char.IsWhiteSpace(lines[i][0]); i++)
            {
                subject += " " + lines[i].Trim();
            }

            return subject;
        }
    }
}
