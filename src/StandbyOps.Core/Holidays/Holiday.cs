using NodaTime;

namespace StandbyOps.Core.Holidays;

/// <summary>A public holiday (or its observed day) on a local date.</summary>
public sealed record Holiday(LocalDate Date, string Name);
