namespace StandbyOps.Monitoring.Push;

/// <summary>How a push changes its group (Pushgateway semantics).</summary>
public enum PushMethod
{
    /// <summary>PUT: the body replaces the whole group; an empty body leaves only the push time.</summary>
    Replace,

    /// <summary>POST: the body replaces only the metric names it contains; the rest of the group stays.</summary>
    Merge,
}
