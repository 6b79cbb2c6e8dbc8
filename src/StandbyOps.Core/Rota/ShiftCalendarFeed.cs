using System.Globalization;
using System.Text;
using NodaTime;

namespace StandbyOps.Core.Rota;

/// <summary>
/// Renders shifts as an RFC 5545 iCalendar feed (<c>calendar.ics</c>): UTC times, CRLF line endings, lines
/// folded at 75 octets without splitting a UTF-8 character, stable UIDs so clients update events in place.
/// </summary>
public static class ShiftCalendarFeed
{
    private const int MaxLineOctets = 75;

    /// <summary>Renders <paramref name="shifts"/>; <paramref name="stamp"/> is the DTSTAMP (when the feed was made).</summary>
    public static string Render(string calendarName, IEnumerable<Shift> shifts, Instant stamp)
    {
        Preconditions.NotNull(calendarName, nameof(calendarName));
        Preconditions.NotNull(shifts, nameof(shifts));
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//StandbyOps//Rota//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var shift in shifts)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{Escape(shift.Engineer)}-{RoleId(shift.Role)}-{Utc(shift.Start)}@standbyops");
            Line(text, "DTSTAMP:" + Utc(stamp));
            Line(text, "DTSTART:" + Utc(shift.Start));
            Line(text, "DTEND:" + Utc(shift.End));
            Line(text, "SUMMARY:" + Escape($"{RoleLabel(shift.Role)}: {calendarName}"));
            Line(text, "TRANSP:OPAQUE");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>Folds one content line (RFC 5545 §3.1): at most 75 octets per line, continuations start with a space.</summary>
    public static string Fold(string line)
    {
        Preconditions.NotNull(line, nameof(line));
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= MaxLineOctets)
        {
            return line;
        }

        var folded = new StringBuilder(line.Length + (line.Length / 37));
        var start = 0;
        var limit = MaxLineOctets;
        while (bytes.Length - start > limit)
        {
            var end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80)
            {
                end--; // never cut inside a UTF-8 sequence
            }

            folded.Append(Encoding.UTF8.GetString(bytes, start, end - start)).Append("\r\n ");
            start = end;
            limit = MaxLineOctets - 1; // the leading space counts
        }

        return folded.Append(Encoding.UTF8.GetString(bytes, start, bytes.Length - start)).ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(Fold(line)).Append("\r\n");

    private static string Utc(Instant instant) => instant.InUtc().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string RoleId(ShiftRole role) => role == ShiftRole.OnCall ? "oncall" : "duty";

    private static string RoleLabel(ShiftRole role) => role == ShiftRole.OnCall ? "On call" : "Duty";

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);
}
