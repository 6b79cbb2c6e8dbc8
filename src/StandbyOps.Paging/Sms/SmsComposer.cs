using System.Globalization;
using System.Text;

namespace StandbyOps.Paging.Sms;

/// <summary>Writes the page text: at most <see cref="MaxSegments"/> GSM-7 segments naming the incidents and how to reply.</summary>
/// <remarks>
/// One incident: <c>2026-000041 P1 acme/webshop: HTTP 503 on /health. Reply 1A ack, 1R resolve</c>; a
/// long "what failed" is cut with <c>...</c>. Several incidents (most urgent priority first):
/// <c>3 incidents: #1 2026-000041 P1 acme/webshop, #2 …, +5 more. Reply A ack all, 1A ack #1, 1R resolve #1</c>,
/// listing as many as fit. All text is folded to GSM-7 (<see cref="GsmText"/>) so one stray
/// character cannot turn the page into UCS-2 and triple its cost.
/// </remarks>
public static class SmsComposer
{
    /// <summary>Most segments a page may take.</summary>
    public const int MaxSegments = 2;

    /// <summary>Longest customer or system name in a single-incident page; longer ones are cut.</summary>
    public const int MaxNameLength = 40;

    /// <summary>Longest customer or system name in a group page, where room is shared.</summary>
    public const int MaxGroupNameLength = 20;

    private const string Ellipsis = "...";
    private const int MaxFieldLength = 16;

    /// <summary>Composes the text for one page about <paramref name="incidents"/> (at least one).</summary>
    public static string Compose(IReadOnlyList<PagedIncident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            throw new ArgumentException("A page names at least one incident.", nameof(incidents));
        }

        return incidents.Count == 1 ? ComposeSingle(incidents[0]) : ComposeGroup(incidents);
    }

    private static string ComposeSingle(PagedIncident incident)
    {
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"{Field(incident.CaseNumber)} {Field(incident.Priority)} {Name(incident.Customer, MaxNameLength)}/{Name(incident.System, MaxNameLength)}");
        var tail = string.Create(CultureInfo.InvariantCulture, $"Reply {incident.Code}A ack, {incident.Code}R resolve");
        var what = Clean(incident.What);

        var full = Single(head, what, tail);
        if (Fits(full))
        {
            return full;
        }

        // Longest prefix of "what" that still fits: the case number and reply instructions always stay.
        int low = 0, high = what.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Fits(Single(head, Cut(what, mid), tail)))
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return Single(head, Cut(what, low), tail);
    }

    private static string Single(string head, string what, string tail) =>
        what.Length == 0 ? $"{head}. {tail}"
        : what.EndsWith('.') ? $"{head}: {what} {tail}"
        : $"{head}: {what}. {tail}";

    private static string ComposeGroup(IReadOnlyList<PagedIncident> incidents)
    {
        var ordered = incidents
            .Select((incident, index) => (incident, index))
            .OrderBy(x => x.incident.Priority, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.index)
            .Select(x => x.incident)
            .ToList();
        var items = ordered
            .Select(i => string.Create(
                CultureInfo.InvariantCulture,
                $"#{i.Code} {Field(i.CaseNumber)} {Field(i.Priority)} {Name(i.Customer, MaxGroupNameLength)}/{Name(i.System, MaxGroupNameLength)}"))
            .ToList();
        var first = ordered[0].Code;
        var head = string.Create(CultureInfo.InvariantCulture, $"{incidents.Count} incidents: ");
        var tail = string.Create(CultureInfo.InvariantCulture, $". Reply A ack all, {first}A ack #{first}, {first}R resolve #{first}");

        // Grow the list while it fits; one item always fits because every field is capped.
        var best = Group(head, items, 1, tail);
        for (var listed = 2; listed <= items.Count; listed++)
        {
            var candidate = Group(head, items, listed, tail);
            if (!Fits(candidate))
            {
                break;
            }

            best = candidate;
        }

        return best;
    }

    private static string Group(string head, List<string> items, int listed, string tail)
    {
        var builder = new StringBuilder(head);
        builder.AppendJoin(", ", items.Take(listed));
        if (listed < items.Count)
        {
            builder.Append(CultureInfo.InvariantCulture, $", +{items.Count - listed} more");
        }

        // A cut name already ends in "...", which needs no extra full stop.
        return (builder[^1] == '.' ? builder.Append(tail, 1, tail.Length - 1) : builder.Append(tail)).ToString();
    }

    private static bool Fits(string text) => SmsSegments.Measure(text).Segments <= MaxSegments;

    private static string Field(string value) => Cut(Clean(value), MaxFieldLength);

    private static string Name(string value, int maxLength) => Cut(Clean(value), maxLength);

    private static string Clean(string value) =>
        string.Join(' ', GsmText.ToGsm7(value).Split([' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var keep = Math.Max(0, maxLength - Ellipsis.Length);
        return value[..keep].TrimEnd() + Ellipsis;
    }
}
