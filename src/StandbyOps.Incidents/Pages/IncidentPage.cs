using NodaTime;

namespace StandbyOps.Incidents.Pages;

/// <summary>One page sent about an incident, as the incident detail shows it (API.md "Incidents").</summary>
/// <param name="Engineer">Engineer id.</param>
/// <param name="Phone">E.164 number paged.</param>
/// <param name="SentAt">When the page was handed to the SMS provider.</param>
/// <param name="Status">Provider status, e.g. <c>queued</c>, <c>delivered</c>, <c>failed</c>.</param>
/// <param name="ProviderId">The provider's message id (Twilio SID), when known.</param>
public sealed record IncidentPage(string Engineer, string Phone, Instant SentAt, string Status, string? ProviderId);
