namespace StandbyOps.Configuration.Customers;

/// <summary>ITIL priority as written in the file (<c>P1</c>…<c>P4</c>); P1 is the most urgent.</summary>
public enum PriorityLevel
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
