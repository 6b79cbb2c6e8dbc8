using StandbyOps.Configuration.Mail;

namespace StandbyOps.Configuration.Tests.Mail;

/// <summary><c>mail.templates</c>: per-notice subject, text and HTML parts; an unknown placeholder is an error at its own line.</summary>
public sealed class MailTemplatesTests
{
    [Fact]
    public void Templates_are_read_per_notice_and_parts_left_out_stay_null()
    {
        var config = Loading.Load(Loading.Preamble + """
            mail:
              from: support@example.net
              templates:
                opened:
                  subject: "{customerName}: we opened {case}"
                  text: |
                    Dear customer,
                    ticket {case} ({priority}) is due by {responseDue}.
                  html: "<p>Ticket {case}</p>"
                resolved: { subject: "Resolved: {title}" }
            """).Valid();

        var templates = config.Mail!.Templates!;
        Assert.Equal(new MailTemplateConfig("{customerName}: we opened {case}", "Dear customer,\nticket {case} ({priority}) is due by {responseDue}.\n", "<p>Ticket {case}</p>"), templates["opened"]);
        Assert.Equal(new MailTemplateConfig("Resolved: {title}", null, null), templates["resolved"]);
        Assert.False(templates.ContainsKey("closed"));
    }

    [Fact]
    public void An_unknown_placeholder_in_a_block_text_is_an_error_at_its_own_line_naming_the_placeholders()
    {
        var result = Loading.Load(Loading.Preamble + """
            mail:
              from: support@example.net
              templates:
                opened:
                  text: |
                    Dear customer,
                    ticket {case} is due by {responseDeu}.
            """);

        result.SingleError().AssertAt(11, ["unknown placeholder {responseDeu}", "mail.templates.opened.text"], ["{responseDue}", "{{"]);
    }

    [Fact]
    public void An_unknown_placeholder_in_a_subject_and_an_unknown_notice_are_errors_at_their_lines()
    {
        var result = Loading.Load(Loading.Preamble + """
            mail:
              from: support@example.net
              templates:
                opened: { subject: "{ticket} opened" }
                reopened: { subject: "{case} again" }
            """);

        var errors = result.Errors.OrderBy(e => e.Line).ToList();
        Assert.Equal(2, errors.Count);
        errors[0].AssertAt(8, ["unknown placeholder {ticket}"], ["{case}"]);
        errors[1].AssertAt(9, ["unknown key 'reopened' in mail.templates"], ["opened", "updates"]);
    }

    [Fact]
    public void Doubled_braces_are_literal_text_not_placeholders()
    {
        var config = Loading.Load(Loading.Preamble + """
            mail:
              from: support@example.net
              templates:
                closed: { text: "Closed {{as agreed}} — {case}" }
            """).Valid();

        Assert.Equal("Closed {{as agreed}} — {case}", config.Mail!.Templates!["closed"].Text);
    }
}
