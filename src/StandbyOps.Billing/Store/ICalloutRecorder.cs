using NodaTime;

namespace StandbyOps.Billing.Store;

/// <summary>Records callouts as paging sees them: opened at an acknowledgement inside agreed standby, closed when the work ends.</summary>
public interface ICalloutRecorder
{
    /// <summary>Opens a callout of <paramref name="engineer"/> for <paramref name="caseNumber"/> starting at <paramref name="start"/>; a second open for the same case is ignored.</summary>
    Task OpenAsync(string customer, string engineer, string caseNumber, Instant start, CancellationToken cancellationToken);

    /// <summary>Ends the open callout of <paramref name="caseNumber"/> at <paramref name="end"/>; no open callout is a no-op.</summary>
    Task CloseAsync(string caseNumber, Instant end, CancellationToken cancellationToken);
}
