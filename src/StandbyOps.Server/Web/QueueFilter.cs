using System.Diagnostics.CodeAnalysis;
using StandbyOps.Incidents.Desk;

namespace StandbyOps.Server.Web;

/// <summary>
/// The queue's state filter. The default, <c>active</c>, is what someone still has to act on (open and
/// acknowledged); <c>all</c> includes closed incidents, which otherwise grow the page forever.
/// </summary>
public sealed record QueueFilter(string Name, IReadOnlyList<IncidentState?> States)
{
    /// <summary>Open and acknowledged.</summary>
    public static QueueFilter Active { get; } = new("active", [IncidentState.Open, IncidentState.Acknowledged]);

    /// <summary>Every state.</summary>
    public static QueueFilter All { get; } = new("all", [null]);

    /// <summary>The filter names in the order the page offers them.</summary>
    public static IReadOnlyList<string> Names { get; } = [Active.Name, .. IncidentStateText.Names, All.Name];

    /// <summary>Reads <c>?state=</c>: empty means <see cref="Active"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out QueueFilter? filter)
    {
        var name = text?.Trim().ToLowerInvariant();
        filter = string.IsNullOrEmpty(name) || name == Active.Name ? Active
            : name == All.Name ? All
            : IncidentStateText.TryParse(name, out var state) ? new QueueFilter(state.ToText(), [state])
            : null;
        return filter is not null;
    }
}
