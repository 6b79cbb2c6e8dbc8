using System.Text;
namespace StandbyOps.Paging.Voice;

/// <summary>What a paging call says: each case's number (digit by digit), priority, customer, system and title, then how to acknowledge.</summary>
public static class VoiceScript
{
    /// <summary>The longest title read out; longer ones are cut at a word.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>The closing instruction.</summary>
    public const string PressOne = "Press 1 to acknowledge.";

    /// <summary>The text for <paramref name="incidents"/> (one or more).</summary>
    public static string Compose(IReadOnlyList<CalledIncident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            throw new ArgumentException("A call is about at least one incident.", nameof(incidents));
        }

        var text = new StringBuilder("This is StandbyOps. ");
        text.Append(incidents.Count == 1 ? "A ticket needs you. " : $"{incidents.Count} tickets need you. ");
        foreach (var incident in incidents)
        {
            text.Append("Case ").Append(Digits(incident.CaseNumber)).Append(", priority ").Append(incident.Priority)
                .Append(", ").Append(incident.Customer).Append(", system ").Append(incident.System)
                .Append(": ").Append(Title(incident.Title)).Append(". ");
        }

        return text.Append(PressOne).ToString();
    }

    /// <summary>A case number read digit by digit (<c>2026-000042</c> → <c>2 0 2 6, 0 0 0 0 4 2</c>), so a speech engine does not read it as one number.</summary>
    public static string Digits(string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        return string.Join(", ", caseNumber.Split('-').Select(part => string.Join(' ', part.ToCharArray())));
    }

    private static string Title(string title)
    {
        var clean = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        if (clean.Length <= MaxTitleLength)
        {
            return clean;
        }

        var cut = clean.LastIndexOf(' ', MaxTitleLength);
        return clean[..(cut > 0 ? cut : MaxTitleLength)];
    }
}
