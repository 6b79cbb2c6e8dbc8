using NodaTime;
using StandbyOps.Configuration.Mail;
using StandbyOps.Core.Sla;
using StandbyOps.Desk.Mail;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Signals;

namespace StandbyOps.Desk.Tests.Mail;

/// <summary>Mail templates from the configuration, with the built-in defaults for what they leave out.</summary>
public sealed class TicketMailTemplatesTests
{
    private static readonly Incident Ticket = new(
        "2026-000123", IncidentState.Open, Priority.P1, "acme", "web", SignalSource.Desk, "ticket:1", "Checkout <fails>",
        Instant.FromUtc(2026, 11, 20, 14, 0), null, null, null, null, null, null,
        Instant.FromUtc(2026, 11, 23, 9, 30), null, false, false, 1, Instant.FromUtc(2026, 11, 20, 14, 0), false);

    [Fact]
    public void A_configured_template_fills_its_placeholders_and_encodes_them_in_the_html_part()
    {
        var template = new MailTemplateConfig("{customerName}: ticket {case} opened", "Dear {customerName},\n{title} is {state}; due {responseDue}. {{not a placeholder}}", "<p>{title}</p>");

        var mail = TicketMailTemplates.Render("opened", Ticket, ["jan@acme.example"], template: template, customerName: "ACME B.V.");

        Assert.Equal("[2026-000123] ACME B.V.: ticket 2026-000123 opened", mail.Subject);
        Assert.Equal("Dear ACME B.V.,\nCheckout <fails> is open; due 2026-11-23 09:30 UTC. {not a placeholder}", mail.Text);
        Assert.Equal("<p>Checkout &lt;fails&gt;</p>", mail.Html);
    }

    [Fact]
    public void A_subject_that_carries_the_case_tag_keeps_it_once()
    {
        var mail = TicketMailTemplates.Render("resolved", Ticket, ["jan@acme.example"], template: new MailTemplateConfig("Solved [{case}]", null, null));

        Assert.Equal("Solved [2026-000123]", mail.Subject);
        Assert.StartsWith("Ticket 2026-000123 was resolved.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_template_every_notice_has_its_default_text_and_html_parts()
    {
        foreach (var notice in MailPlaceholders.Notices)
        {
            var mail = TicketMailTemplates.Render(notice, Ticket, ["jan@acme.example"], text: "A note", update: 2);

            Assert.StartsWith("[2026-000123] ", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Case: 2026-000123", mail.Text, StringComparison.Ordinal);
            Assert.Contains("<table>", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("{", mail.Text + mail.Html, StringComparison.Ordinal);
        }
    }
}
