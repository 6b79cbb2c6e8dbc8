namespace StandbyOps.Server.Web.Pictures;

/// <summary>One row of a timeline: its label and its bars.</summary>
public sealed record TimelineLane(string Label, IReadOnlyList<TimelineBar> Bars);
