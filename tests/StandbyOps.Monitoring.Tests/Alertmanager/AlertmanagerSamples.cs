using System.Text.Json;
using StandbyOps.Monitoring.Alertmanager;

namespace StandbyOps.Monitoring.Tests.Alertmanager;

/// <summary>Webhook bodies shaped like Alertmanager 0.27's, with the newer fields a reader must tolerate.</summary>
internal static class AlertmanagerSamples
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Firing = """
        {
          "receiver": "standbyops",
          "status": "firing",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "DiskFull", "customer": "acme", "system": "webshop", "severity": "critical" },
              "annotations": { "summary": "Disk almost full on web-1", "description": "Only 2% left." },
              "startsAt": "2026-11-20T13:58:30.123456789+01:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://prometheus.example/graph",
              "fingerprint": "4f2e9a1b7c3d5e60"
            }
          ],
          "groupLabels": { "alertname": "DiskFull" },
          "commonLabels": { "alertname": "DiskFull" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager:9093",
          "version": "4",
          "groupKey": "{}:{alertname=\"DiskFull\"}",
          "truncatedAlerts": 0,
          "notification_reason": "new_alerts",
          "routeLabels": { "team": "ops" }
        }
        """;

    public static AlertmanagerWebhook Read(string json) => JsonSerializer.Deserialize<AlertmanagerWebhook>(json, Json)!;
}
