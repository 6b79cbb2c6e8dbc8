using System.Text;
using StandbyOps.Core.Rota;
using static StandbyOps.Core.Tests.TestTime;

namespace StandbyOps.Core.Tests.Rota;

public class ShiftCalendarFeedTests
{
    private static readonly Shift[] AnnasShifts =
    [
        new("anna", ShiftRole.OnCall, Ams("2026-01-05 08:30"), Ams("2026-01-12 08:30")),
        new("anna", ShiftRole.Duty, Ams("2026-03-30 08:30"), Ams("2026-03-31 08:30")),
    ];

    [Fact]
    public void The_feed_renders_shifts_as_utc_events()
    {
        var feed = ShiftCalendarFeed.Render("ops-nl", AnnasShifts, Utc("2026-11-01T00:00:00Z"));

        const string Expected =
            "BEGIN:VCALENDAR\r\n" +
            "VERSION:2.0\r\n" +
            "PRODID:-//StandbyOps//Rota//EN\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "METHOD:PUBLISH\r\n" +
            "X-WR-CALNAME:ops-nl\r\n" +
            "BEGIN:VEVENT\r\n" +
            "UID:anna-oncall-20260105T073000Z@standbyops\r\n" +
            "DTSTAMP:20261101T000000Z\r\n" +
            "DTSTART:20260105T073000Z\r\n" +
            "DTEND:20260112T073000Z\r\n" +
            "SUMMARY:On call: ops-nl\r\n" +
            "TRANSP:OPAQUE\r\n" +
            "END:VEVENT\r\n" +
            "BEGIN:VEVENT\r\n" +
            "UID:anna-duty-20260330T063000Z@standbyops\r\n" +
            "DTSTAMP:20261101T000000Z\r\n" +
            "DTSTART:20260330T063000Z\r\n" +
            "DTEND:20260331T063000Z\r\n" +
            "SUMMARY:Duty: ops-nl\r\n" +
            "TRANSP:OPAQUE\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n";
        Assert.Equal(Expected, feed);
    }

    [Fact]
    public void An_empty_feed_is_a_valid_calendar_without_events()
    {
        var feed = ShiftCalendarFeed.Render("ops-nl", [], Utc("2026-11-01T00:00:00Z"));

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("VEVENT", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_characters()
    {
        var name = string.Concat(Enumerable.Repeat("Équipe d’astreinte €; ", 8));

        var feed = ShiftCalendarFeed.Render(name, AnnasShifts, Utc("2026-11-01T00:00:00Z"));

        var lines = feed.Split("\r\n");
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        Assert.DoesNotContain('\uFFFD', feed);
        var unfolded = feed.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:" + name.Replace(";", "\\;", StringComparison.Ordinal) + "\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_crlf_ends_lines()
    {
        var feed = ShiftCalendarFeed.Render("ops-nl", AnnasShifts, Utc("2026-11-01T00:00:00Z"));

        Assert.Equal(feed.Split('\n').Length, feed.Split("\r\n").Length);
    }

    [Fact]
    public void Text_values_escape_commas_semicolons_backslashes_and_newlines()
    {
        var feed = ShiftCalendarFeed.Render("a,b;c\\d\ne", [], Utc("2026-11-01T00:00:00Z"));

        Assert.Contains("X-WR-CALNAME:a\\,b\\;c\\\\d\\ne\r\n", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var line = new string('x', 75);

        Assert.Equal(line, ShiftCalendarFeed.Fold(line));
        Assert.Equal(new string('x', 75) + "\r\n x", ShiftCalendarFeed.Fold(new string('x', 76)));
    }
}
