using NodaTime;
using StandbyOps.Billing.Standby;

namespace StandbyOps.Billing.Invoices;

/// <summary>
/// Agreed standby of an earlier, already invoiced <paramref name="ServiceMonth"/> that changed after its invoice was
/// issued: what was agreed before (<paramref name="Before"/>) and after (<paramref name="After"/>) the changes this
/// invoice bills. Its late lines are the difference, window by window, so the late lines of successive invoices add
/// up to exactly what the month would cost with every change, each change billed once.
/// </summary>
public sealed record LateStandby(YearMonth ServiceMonth, AgreedStandby Before, AgreedStandby After);
