using System.Text.Json.Serialization;

namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>
/// An Alertmanager webhook notification (payload version 4). Every field is optional to the reader so that older
/// and newer Alertmanagers (with or without <c>truncatedAlerts</c>, <c>notification_reason</c>, <c>routeLabels</c> …)
/// bind; <see cref="AlertmanagerWebhookValidator"/> says what a usable notification needs.
/// </summary>
public sealed record AlertmanagerWebhook(
    string? Version,
    string? GroupKey,
    int? TruncatedAlerts,
    string? Status,
    string? Receiver,
    IReadOnlyDictionary<string, string>? GroupLabels,
    IReadOnlyDictionary<string, string>? CommonLabels,
    IReadOnlyDictionary<string, string>? CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string? ExternalUrl,
    IReadOnlyList<AlertmanagerAlert>? Alerts);

/// <summary>One alert of a webhook notification; <see cref="Fingerprint"/> identifies it across notifications.</summary>
public sealed record AlertmanagerAlert(
    string? Status,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyDictionary<string, string>? Annotations,
    string? StartsAt,
    string? EndsAt,
    [property: JsonPropertyName("generatorURL")] string? GeneratorUrl,
    string? Fingerprint);
