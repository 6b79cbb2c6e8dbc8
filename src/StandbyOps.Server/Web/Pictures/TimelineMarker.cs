using NodaTime;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>A moment marked across all lanes of a timeline (a deadline, now).</summary>
public sealed record TimelineMarker(Instant At, string Css, string Text);
