using System.Buffers.Text;
using System.Text;
using StandbyOps.Core.Incidents;
using StandbyOps.Core.Sla;
using StandbyOps.Storage.Database;

namespace StandbyOps.Incidents.Desk;

/// <summary>
/// A position in the queue order (priority, opening instant, case number): a page continues after it, so incidents
/// opened or closed between two pages neither repeat nor vanish. Clients see it as opaque text.
/// </summary>
public sealed record IncidentCursor(string Priority, string OpenedAt, string CaseNumber)
{
    private const string Version = "v1";

    /// <summary>The position just after <paramref name="incident"/>.</summary>
    public static IncidentCursor After(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentCursor(incident.Priority.ToText(), InstantTypeHandler.Format(incident.OpenedAt), incident.CaseNumber);
    }

    /// <summary>The opaque text form (URL-safe base64).</summary>
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{Priority}\n{OpenedAt}\n{CaseNumber}"));

    /// <summary>Reads text made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string text, out IncidentCursor cursor)
    {
        cursor = null!;
        if (string.IsNullOrEmpty(text) || text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }

        string[] parts;
        try
        {
            parts = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text)).Split('\n');
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }

        if (parts is not [Version, var priority, var openedAt, var caseNumber]
            || !PriorityText.TryParse(priority, out _)
            || !NodaTime.Text.InstantPattern.ExtendedIso.Parse(openedAt).Success
            || !CaseNumbers.IsWellFormed(caseNumber))
        {
            return false;
        }

        cursor = new IncidentCursor(priority, openedAt, caseNumber);
        return true;
    }
}
