using StandbyOps.Configuration;
using StandbyOps.Configuration.Teams;
using StandbyOps.Paging.Dispatch;
using StandbyOps.Server.Hosting;
using CoreRota = StandbyOps.Core.Rota.Rota;

namespace StandbyOps.Server.Rota;

/// <summary>
/// Who is on call for a team: the rotation from the configuration in force, with the stored overrides applied.
/// Paging and the on-call API both resolve engineers through this, so they always agree.
/// </summary>
public sealed class TeamRotas(LiveConfig config, RotaOverrideStore overrides) : IRotaSource
{
    /// <summary>The team's rota with its overrides, or null when the team is unknown or has no standby rotation.</summary>
    public Task<CoreRota?> ForAsync(string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        return Team(teamId) is { } team ? ForAsync(team, cancellationToken) : Task.FromResult<CoreRota?>(null);
    }

    /// <inheritdoc />
    public async Task<CoreRota?> ForAsync(TeamConfig team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.Rotation is null)
        {
            return null;
        }

        var stored = await overrides.ListAsync(team.Id, cancellationToken).ConfigureAwait(false);
        // One mapping from configuration to Core's rota, shared with paging.
        return PagingTargets.RotaOf(team, stored.Select(o => o.ToRotaOverride()));
    }

    /// <summary>The team's configuration in force, or null.</summary>
    public TeamConfig? Team(string teamId) => Current.Teams.GetValueOrDefault(teamId);

    /// <summary>The engineer's details from the first team (by id) that lists them, or null.</summary>
    public EngineerConfig? Engineer(string engineerId) =>
        Current.Teams.Values.OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Engineers.GetValueOrDefault(engineerId))
            .FirstOrDefault(e => e is not null);

    private StandbyOpsConfig Current => config.Current;
}
