using System.Data.Common;

namespace StandbyOps.Incidents.Observers;

/// <summary>
/// Follows a desk change inside the desk's own write transaction: what must follow the change for sure (a customer
/// mail, an SMS notice, the next reminder) is written here as an intent, so it commits with the change or not at all.
/// Only writes to the store through the given connection and transaction; never calls out. An exception rolls the
/// change back and fails the desk call, so keep the work to rendering and inserting rows.
/// </summary>
public interface IIncidentTransactionObserver
{
    /// <summary>Called once per change that changed something (never for repeats or unchanged calls).</summary>
    Task OnChangeAsync(DbConnection connection, DbTransaction transaction, IncidentTransition transition, CancellationToken cancellationToken);
}
