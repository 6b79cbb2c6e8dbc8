using StandbyOps.Incidents.Signals;

namespace StandbyOps.Desk.Tickets;

/// <summary>How a ticket reached the desk: <c>phone</c>, <c>email</c>, <c>portal</c> or <c>api</c>.</summary>
public static class TicketChannel
{
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Portal = "portal";
    public const string Api = "api";

    /// <summary>Every channel, in the order the form offers them.</summary>
    public static IReadOnlyList<string> Names { get; } = [Phone, Email, Portal, Api];

    /// <summary>True for a known channel (exact, lower case).</summary>
    public static bool IsKnown(string? channel) => channel is not null && Names.Contains(channel, StringComparer.Ordinal);

    /// <summary>The incident's <c>source</c>: <c>portal</c> and <c>email</c> as they are, phone and API calls are the desk's.</summary>
    public static SignalSource SourceOf(string channel) => channel switch
    {
        Portal => SignalSource.Portal,
        Email => SignalSource.Email,
        _ => SignalSource.Desk,
    };
}
