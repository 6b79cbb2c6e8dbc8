using NodaTime;

namespace StandbyOps.Server.Web.Pictures;

/// <summary>A bar of a timeline lane over <c>[Start, End)</c>, with its class and text.</summary>
public sealed record TimelineBar(Instant Start, Instant End, string Css, string Text);
