namespace StandbyOps.Server.Web.Pictures;

/// <summary>One drawn slot of an uptime bar: where it sits, its state class and its availability.</summary>
public sealed record BarSegment(double X, double Width, string State, double? Percent);
