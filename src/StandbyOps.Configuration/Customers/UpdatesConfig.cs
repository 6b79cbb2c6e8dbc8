using NodaTime;
using StandbyOps.Core.Sla;

namespace StandbyOps.Configuration.Customers;

/// <summary>Periodic customer updates (smartwork): while a ticket of one of <see cref="Priorities"/> is unresolved, every <see cref="Every"/> from opening.</summary>
public sealed record UpdatesConfig(IReadOnlyList<Priority> Priorities, Duration Every);
