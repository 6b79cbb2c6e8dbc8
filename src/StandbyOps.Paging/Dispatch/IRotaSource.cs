using StandbyOps.Configuration.Teams;
using StandbyOps.Core.Rota;

namespace StandbyOps.Paging.Dispatch;

/// <summary>Who is on call for a team: the rotation, with whatever overrides the host stores.</summary>
public interface IRotaSource
{
    /// <summary>The rota of <paramref name="team"/> at the time of asking, or null when it has no on-call rotation.</summary>
    Task<Rota?> ForAsync(TeamConfig team, CancellationToken cancellationToken = default);
}

/// <summary>The rotation from the configuration alone (no overrides): for hosts without an override store.</summary>
public sealed class ConfiguredRotas : IRotaSource
{
    /// <inheritdoc />
    public Task<Rota?> ForAsync(TeamConfig team, CancellationToken cancellationToken = default) =>
        Task.FromResult(PagingTargets.RotaOf(team));
}
