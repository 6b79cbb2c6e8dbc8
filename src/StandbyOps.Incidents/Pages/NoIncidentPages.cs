namespace StandbyOps.Incidents.Pages;

/// <summary>The default <see cref="IIncidentPagesSource"/>: no paging stage, no pages.</summary>
public sealed class NoIncidentPages : IIncidentPagesSource
{
    public Task<IReadOnlyList<IncidentPage>> PagesForAsync(string caseNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IncidentPage>>([]);
}
