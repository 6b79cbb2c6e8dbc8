using StandbyOps.IntegrationTests.Incidents;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>
/// The incidents server (acme and globex) on virtual time, Fri 20 Nov 2026 15:00 Amsterdam, with one system per
/// customer, so the pages show fixed local times and paging never depends on the hour the tests run at.
/// </summary>
public sealed class WebServer() : IncidentServerBase(VirtualTimeIncidentServer.Start, WebConfig)
{
    /// <summary>The heartbeat token of acme's <c>web</c> system.</summary>
    public const string AcmeHeartbeat = "web-ui-tests-acme-backup-heartbeat";

    public static readonly string WebConfig = TestConfigs.Minimal + $$"""

            systems:
              web:
                name: ACME web shop
                criticality: high
                heartbeats:
                  backup: { token: "{{AcmeHeartbeat}}", period: 1h, grace: 10m }
        """ + "\n" + Globex + """

            systems:
              erp:
                name: Globex ERP
                criticality: medium
                heartbeats:
                  nightly: { token: "web-ui-tests-globex-nightly-heartbeat", period: 24h, grace: 1h }
        """;

    /// <summary>A new token's id, secret and (readable, unique) name.</summary>
    public async Task<(string Id, string Secret, string Name)> NamedTokenAsync(string role, string? customer = null)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..16];
        var (id, secret) = await TokenAsync(role, customer, name);
        return (id, secret, name);
    }
}
