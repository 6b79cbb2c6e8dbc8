using System.Text.Json;
using StandbyOps.Monitoring.Alertmanager;

namespace StandbyOps.Monitoring.Tests.Alertmanager;

public sealed class AlertmanagerWebhookValidatorTests
{
    [Fact]
    public void A_real_notification_with_newer_and_missing_fields_is_valid()
    {
        var webhook = AlertmanagerSamples.Read(AlertmanagerSamples.Firing);

        Assert.Empty(AlertmanagerWebhookValidator.Validate(webhook));
        Assert.Equal("https://prometheus.example/graph", webhook.Alerts![0].GeneratorUrl);
        Assert.Equal("http://alertmanager:9093", webhook.ExternalUrl);
    }

    [Fact]
    public void Another_payload_version_is_rejected()
    {
        var webhook = AlertmanagerSamples.Read(AlertmanagerSamples.Firing.Replace("\"version\": \"4\"", "\"version\": \"3\"", StringComparison.Ordinal));

        Assert.Contains("version", AlertmanagerWebhookValidator.Validate(webhook).Keys);
    }

    [Fact]
    public void A_notification_without_alerts_is_rejected()
    {
        var errors = AlertmanagerWebhookValidator.Validate(JsonSerializer.Deserialize<AlertmanagerWebhook>("""{"version":"4"}""", AlertmanagerSamples.Json));

        Assert.Contains("alerts", errors.Keys);
    }

    [Theory]
    [InlineData("\"status\": \"firing\"", "\"status\": \"pending\"", "alerts[0].status")]
    [InlineData("\"fingerprint\": \"4f2e9a1b7c3d5e60\"", "\"fingerprint\": \"\"", "alerts[0].fingerprint")]
    [InlineData("\"fingerprint\": \"4f2e9a1b7c3d5e60\"", "\"fingerprint\": \"a/b\"", "alerts[0].fingerprint")]
    [InlineData("\"startsAt\": \"2026-11-20T13:58:30.123456789+01:00\"", "\"startsAt\": \"yesterday\"", "alerts[0].startsAt")]
    public void A_bad_alert_is_rejected_with_its_json_path(string original, string replacement, string path)
    {
        var webhook = AlertmanagerSamples.Read(AlertmanagerSamples.Firing.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Contains(path, AlertmanagerWebhookValidator.Validate(webhook).Keys);
    }

    [Fact]
    public void Go_times_with_nanoseconds_and_offsets_parse()
    {
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 20, 12, 58, 30) + NodaTime.Duration.FromNanoseconds(123456789),
            AlertmanagerWebhookValidator.ParseTime("2026-11-20T13:58:30.123456789+01:00"));
    }
}
