using NodaTime;
using StandbyOps.Configuration.Customers;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Contracts;
using StandbyOps.Incidents.Desk;
using StandbyOps.Incidents.Priorities;

namespace StandbyOps.Desk.FollowUps;

/// <summary>When the next follow-up review of a ticket is due: <c>followUp.every</c> after the previous one (or the opening).</summary>
public static class FollowUpSchedule
{
    /// <summary>
    /// The review after <paramref name="from"/>, or null when the customer's <c>followUp</c> does not name the ticket's
    /// priority. Business time walks the customer's calendar (so <c>1 business day</c> skips nights, weekends and
    /// holidays); without a contract only a wall-clock period can be followed.
    /// </summary>
    public static Instant? NextDue(CustomerConfig customer, CustomerContract? contract, Incident incident, Instant from)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(incident);
        if (customer.FollowUp is not { } followUp || !followUp.Priorities.Any(p => p == incident.Priority))
        {
            return null;
        }

        if (contract is null)
        {
            return followUp.Every.Kind == SlaTargetKind.WallClock ? from + followUp.Every.Elapsed : null;
        }

        return ContractMapping.ToSlaTarget(followUp.Every).DueFrom(from, contract.Calendar);
    }
}
