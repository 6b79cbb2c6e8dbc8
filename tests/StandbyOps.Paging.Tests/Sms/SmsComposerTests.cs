using System.Text.RegularExpressions;
using StandbyOps.Paging.Sms;

namespace StandbyOps.Paging.Tests.Sms;

public sealed partial class SmsComposerTests
{
    [Fact]
    public void A_single_incident_names_case_priority_customer_system_what_and_how_to_reply()
    {
        var text = SmsComposer.Compose([new PagedIncident("1", "2026-000041", "P1", "acme", "webshop", "HTTP 503 on /health")]);

        Assert.Equal("2026-000041 P1 acme/webshop: HTTP 503 on /health. Reply 1A ack, 1R resolve", text);
    }

    [Fact]
    public void A_single_incident_without_what_leaves_the_colon_out()
    {
        var text = SmsComposer.Compose([new PagedIncident("3", "2026-000041", "P2", "acme", "db", string.Empty)]);

        Assert.Equal("2026-000041 P2 acme/db. Reply 3A ack, 3R resolve", text);
    }

    [Fact]
    public void A_long_failure_text_is_cut_so_the_page_fits_two_segments_and_keeps_the_reply_instructions()
    {
        var what = string.Concat(Enumerable.Repeat("connection refused by upstream ", 30));

        var text = SmsComposer.Compose([new PagedIncident("12", "2026-000041", "P1", "acme", "webshop", what)]);

        var size = SmsSegments.Measure(text);
        Assert.Equal(SmsCharset.Gsm7, size.Charset);
        Assert.Equal(2, size.Segments);
        Assert.StartsWith("2026-000041 P1 acme/webshop: connection refused", text, StringComparison.Ordinal);
        Assert.EndsWith("... Reply 12A ack, 12R resolve", text, StringComparison.Ordinal);
        Assert.True(size.Units > 290, $"the cut should use the room available, used {size.Units} septets");
    }

    [Fact]
    public void Characters_outside_gsm7_are_folded_so_the_page_stays_gsm7()
    {
        var text = SmsComposer.Compose([new PagedIncident("1", "2026-000041", "P1", "Łódź Sp. z o.o.", "sklep", "błąd 500 – “timeout” 😀")]);

        Assert.Equal(SmsCharset.Gsm7, SmsSegments.Measure(text).Charset);
        Assert.Equal("2026-000041 P1 Lodz Sp. z o.o./sklep: blad 500 - \"timeout\" ?. Reply 1A ack, 1R resolve", text);
    }

    [Fact]
    public void A_group_page_lists_every_incident_with_its_code()
    {
        var text = SmsComposer.Compose(
        [
            new PagedIncident("1", "2026-000041", "P1", "acme", "webshop", "down"),
            new PagedIncident("2", "2026-000042", "P2", "acme", "db", "slow"),
            new PagedIncident("3", "2026-000043", "P1", "globex", "api", "down"),
        ]);

        Assert.Equal(
            "3 incidents: #1 2026-000041 P1 acme/webshop, #3 2026-000043 P1 globex/api, #2 2026-000042 P2 acme/db. " +
            "Reply A ack all, 1A ack #1, 1R resolve #1",
            text);
    }

    [Fact]
    public void A_group_of_200_incidents_is_cut_to_two_segments_with_a_count_of_the_rest()
    {
        var incidents = Enumerable.Range(1, 200)
            .Select(i => new PagedIncident(i.ToString(), $"2026-{i:D6}", i % 7 == 0 ? "P1" : "P3", "acme", $"system-{i}", "down"))
            .ToList();

        var text = SmsComposer.Compose(incidents);

        Assert.True(SmsSegments.Measure(text).Segments <= SmsComposer.MaxSegments);
        Assert.StartsWith("200 incidents: #7 2026-000007 P1", text, StringComparison.Ordinal);
        var listed = ListedItem().Matches(text).Count;
        Assert.InRange(listed, 3, 199);
        Assert.Contains($", +{200 - listed} more. Reply A ack all, 7A ack #7, 7R resolve #7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_lists_as_many_incidents_as_fit()
    {
        var incidents = Enumerable.Range(1, 200)
            .Select(i => new PagedIncident(i.ToString(), $"2026-{i:D6}", "P2", "acme", "web", "down"))
            .ToList();

        var text = SmsComposer.Compose(incidents);

        // Listing the next incident as well would not fit in two segments.
        var listed = ListedItem().Matches(text).Count;
        var next = incidents[listed];
        var withNext = text.Replace(
            $", +{200 - listed} more",
            $", #{next.Code} {next.CaseNumber} P2 acme/web, +{200 - listed - 1} more",
            StringComparison.Ordinal);
        Assert.NotEqual(text, withNext);
        Assert.True(SmsSegments.Measure(withNext).Segments > SmsComposer.MaxSegments);
    }

    [Fact]
    public void Very_long_names_are_cut_so_even_one_item_fits()
    {
        var longName = new string('x', 500);

        var single = SmsComposer.Compose([new PagedIncident("1", "2026-000041", "P1", longName, longName, longName)]);
        var group = SmsComposer.Compose(
        [
            new PagedIncident("1", "2026-000041", "P1", longName, longName, longName),
            new PagedIncident("2", "2026-000042", "P1", longName, longName, longName),
        ]);

        Assert.True(SmsSegments.Measure(single).Segments <= 2);
        Assert.True(SmsSegments.Measure(group).Segments <= 2);
        Assert.EndsWith("Reply 1A ack, 1R resolve", single, StringComparison.Ordinal);
        Assert.Contains("#1 2026-000041", group, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_incidents_is_refused() =>
        Assert.Throws<ArgumentException>(() => SmsComposer.Compose([]));

    [Theory]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("A")]
    [InlineData("12345")]
    public void A_reply_code_must_be_a_short_positive_number(string code) =>
        Assert.Throws<ArgumentException>(() => new PagedIncident(code, "2026-000041", "P1", "acme", "web", "down"));

    [GeneratedRegex(@"#\d+ 2026-\d{6}")]
    private static partial Regex ListedItem();
}
