using StandbyOps.Billing.Store;
using StandbyOps.Incidents;
using StandbyOps.Monitoring.Heartbeats;
using StandbyOps.Monitoring.Push;
using StandbyOps.Storage.Migrations;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// Every module's migrations, applied together at start. Version ranges keep modules apart:
/// foundation 1–99, incidents 100–199, monitoring 200–299, paging 300–399, billing 400–499, rota 500–599, reports 600–699, service desk 1400–1499.
/// </summary>
public static class StoreSchema
{
    /// <summary>All migrations of the product, ascending by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        .. Schema.Migrations,
        .. IncidentSchema.Migrations,
        .. HeartbeatSchema.Migrations,
        .. StandbyOps.Monitoring.History.CheckHistorySchema.Migrations,
        .. PushSchema.Migrations,
        .. StandbyOps.Paging.Dispatch.PagingSchema.Migrations,
        .. Rota.RotaSchema.Migrations,
        .. BillingSchema.Migrations,
        .. StandbyOps.Desk.DeskSchema.Migrations,
        .. Reports.Mail.ReportSchema.Migrations,
    ];
}
