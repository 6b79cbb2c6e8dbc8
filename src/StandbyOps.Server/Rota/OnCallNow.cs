using NodaTime;

namespace StandbyOps.Server.Rota;

/// <summary>Who holds which role for a customer at an instant, and whether that instant is agreed standby or office time.</summary>
public sealed record OnCallNow(string Customer, Instant At, bool InStandby, bool InBusinessHours, OnCallPerson? OnCall, OnCallPerson? Backup, OnCallPerson? Duty);
