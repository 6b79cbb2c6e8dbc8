using System.Net;

namespace StandbyOps.Testing.FakeTwilio;

/// <summary>What a webhook receiver answered to a callback the <see cref="FakeTwilioServer"/> sent.</summary>
public sealed record FakeTwilioWebhookResponse(HttpStatusCode Status, string? ContentType, string Body);
