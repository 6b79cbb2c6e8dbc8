using System.Security.Claims;
using NodaTime;

namespace StandbyOps.Server.Rota;

/// <summary>
/// Adding a rota override, with its checks against the configuration: the one path for <c>POST /api/v1/teams/{team}/overrides</c>
/// and the rota page's form (both for admin and desk only).
/// </summary>
public static class RotaOperations
{
    /// <summary>Checks and stores an override of <paramref name="team"/>'s on-call engineer for [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static async Task<OverrideOutcome> AddOverrideAsync(
        string team, string? engineer, Instant? start, Instant? end, ClaimsPrincipal user, TeamRotas rotas, RotaOverrideStore store, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(rotas);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new Dictionary<string, string[]>();
        if (rotas.Team(team) is not { } teamConfig)
        {
            return new OverrideOutcome(null, errors, TeamNotFound: true);
        }

        if (teamConfig.Rotation is null)
        {
            errors["team"] = [$"Team '{team}' has no standby rotation to override."];
        }

        if (string.IsNullOrWhiteSpace(engineer) || !teamConfig.Engineers.ContainsKey(engineer))
        {
            errors["engineer"] = [$"'{engineer}' is not an engineer of team '{team}'. Known: {string.Join(", ", teamConfig.Engineers.Keys)}."];
        }

        if (start is null)
        {
            errors["start"] = ["The start instant is required."];
        }

        if (end is null)
        {
            errors["end"] = ["The end instant is required."];
        }
        else if (start is { } s && end <= s)
        {
            errors["end"] = [$"The override must end ({end}) after it starts ({s})."];
        }

        if (errors.Count > 0)
        {
            return new OverrideOutcome(null, errors, TeamNotFound: false);
        }

        var createdBy = $"token:{user.FindFirstValue(ClaimTypes.Name)}";
        var stored = await store.AddAsync(team, engineer!, start!.Value, end!.Value, createdBy, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return new OverrideOutcome(stored, errors, TeamNotFound: false);
    }
}
