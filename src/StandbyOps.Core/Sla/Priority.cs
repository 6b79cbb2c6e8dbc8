namespace StandbyOps.Core.Sla;

/// <summary>ITIL priority: P1 critical … P4 low. Written <c>"P1"</c>…<c>"P4"</c> everywhere (see <see cref="PriorityText"/>).</summary>
public enum Priority
{
    /// <summary>Critical: no operation possible.</summary>
    P1 = 1,

    /// <summary>High: severely restricted, no workaround.</summary>
    P2 = 2,

    /// <summary>Medium: restricted, a workaround exists.</summary>
    P3 = 3,

    /// <summary>Low: no decisive effect.</summary>
    P4 = 4,
}
