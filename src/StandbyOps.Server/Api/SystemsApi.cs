using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using StandbyOps.Monitoring.Systems;
using StandbyOps.Server.Auth;
using StandbyOps.Server.Hosting;
using StandbyOps.Storage.Tokens;

namespace StandbyOps.Server.Api;

/// <summary><c>GET /api/v1/systems?customer=</c>: every system with the state of each check and heartbeat.</summary>
public static class SystemsApi
{
    /// <summary>One check or heartbeat.</summary>
    public sealed record MonitorResponse(string Id, string Kind, string State, Instant? LastAt, string? Reason, double? LatencySeconds, Instant? Since);

    /// <summary>One system; <see cref="State"/> is the worst of its checks (down, maintenance, pending, up).</summary>
    public sealed record SystemResponse(string Customer, string System, string Name, string Criticality, string State, MonitorResponse[] Checks);

    /// <summary>Maps the route.</summary>
    public static void MapSystemsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/systems", List)
            .RequireRoles(TokenRole.Admin, TokenRole.Desk, TokenRole.Engineer, TokenRole.Customer)
            .WithTags("Systems");
    }

    private static Ok<SystemResponse[]> List(string? customer, ClaimsPrincipal user, LiveConfig config, SystemStatusBoard board)
    {
        // A customer token sees its own customer only (nothing if its customer is missing); staff may filter.
        var pinned = user.PinnedCustomer();
        var systems = MonitorSupervisor.SystemsOf(config.Current)
            .Where(s => pinned is not null ? s.CustomerId == pinned : string.IsNullOrEmpty(customer) || s.CustomerId == customer)
            .Select(s =>
            {
                var checks = board.For(s.System.Id)
                    .Select(m => new MonitorResponse(m.Id, m.Kind, m.State, m.LastAt, m.Reason, m.LatencySeconds, m.Since))
                    .ToArray();
                return new SystemResponse(s.CustomerId, s.System.Id, s.System.Name, s.System.Criticality.ToString().ToLowerInvariant(), Worst(checks.Select(c => c.State).ToArray()), checks);
            })
            .ToArray();
        return TypedResults.Ok(systems);
    }

    /// <summary>A system's state from its checks' states: down, maintenance, pending (also with no checks), up. The web UI shows the same.</summary>
    public static string Worst(IReadOnlyCollection<string> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states.Contains("down") ? "down"
            : states.Contains("maintenance") ? "maintenance"
            : states.Count == 0 || states.Contains("pending") ? "pending"
            : "up";
    }
}
