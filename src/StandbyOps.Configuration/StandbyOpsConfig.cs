using StandbyOps.Configuration.Calendars;
using StandbyOps.Configuration.Customers;
using StandbyOps.Configuration.RateCards;
using StandbyOps.Configuration.Sms;
using StandbyOps.Configuration.Store;
using StandbyOps.Configuration.Teams;

namespace StandbyOps.Configuration;

/// <summary>
/// The validated contents of <c>standbyops.yaml</c>. Every dictionary is keyed by the id written in
/// the file and keeps the file's order; every reference between sections is known to resolve. <see cref="Mail"/> is
/// null when the file has no <c>mail:</c> (no e-mail intake, no mail sent); <see cref="Seller"/> is null without <c>seller:</c>
/// (invoices then print no seller block); <see cref="Cluster"/> is null when it has no <c>cluster:</c> (one node).
/// </summary>
public sealed record StandbyOpsConfig(
    ServerConfig Server,
    SmsConfig Sms,
    IReadOnlyDictionary<string, CalendarConfig> Calendars,
    IReadOnlyDictionary<string, RateCardConfig> RateCards,
    IReadOnlyDictionary<string, TeamConfig> Teams,
    IReadOnlyDictionary<string, CustomerConfig> Customers,
    StoreConfig Store,
    Mail.MailConfig? Mail = null,
    Cluster.ClusterConfig? Cluster = null,
    Invoicing.SellerConfig? Seller = null);
