namespace StandbyOps.Incidents.Pages;

/// <summary>
/// The pages sent about an incident. Paging owns its page records; it registers an implementation in DI and the
/// desk's detail view shows what it returns. Until then <see cref="NoIncidentPages"/> answers an empty list.
/// </summary>
public interface IIncidentPagesSource
{
    /// <summary>The pages about <paramref name="caseNumber"/>, oldest first.</summary>
    Task<IReadOnlyList<IncidentPage>> PagesForAsync(string caseNumber, CancellationToken cancellationToken);
}
