namespace StandbyOps.Server.Reports;

/// <summary>
/// One priority's tickets of a month (or all of them when <see cref="Priority"/> is <c>all</c>). A deadline is
/// <c>met</c> when it was kept, <c>breached</c> when the incident says so, <c>pending</c> while it may still be kept;
/// tickets without such a target count in none of the three. Times are minutes from opening, over the tickets
/// acknowledged or resolved; p90 is the nearest-rank 90th percentile.
/// </summary>
public sealed record SlaPriorityFigures(
    string Priority,
    int Tickets,
    int ResponseMet,
    int ResponseBreached,
    int ResponsePending,
    int ResolutionMet,
    int ResolutionBreached,
    int ResolutionPending,
    double? MeanAcknowledgeMinutes,
    double? P90AcknowledgeMinutes,
    double? MeanResolveMinutes,
    double? P90ResolveMinutes);
