using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>
/// What a webhook must carry before any of it is acted on: version <c>"4"</c>, an <c>alerts</c> array, and per alert
/// a status (<c>firing</c>|<c>resolved</c>), a fingerprint and RFC 3339 times where given. Errors are keyed by JSON path.
/// </summary>
public static class AlertmanagerWebhookValidator
{
    /// <summary>The only payload version understood.</summary>
    public const string SupportedVersion = "4";

    /// <summary>The most alerts one notification may carry.</summary>
    public const int MaxAlerts = 10_000;

    /// <summary>The longest fingerprint accepted (Alertmanager's are 16 hex digits).</summary>
    public const int MaxFingerprintLength = 128;

    private static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>");

    /// <summary>The problems of <paramref name="webhook"/> by JSON path; empty when it is usable.</summary>
    public static Dictionary<string, string[]> Validate(AlertmanagerWebhook? webhook)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (webhook is null)
        {
            errors["$"] = ["The body must be an Alertmanager webhook JSON object."];
            return errors;
        }

        if (webhook.Version != SupportedVersion)
        {
            errors["version"] = [$"Only webhook payload version \"{SupportedVersion}\" is supported, not {Quote(webhook.Version)}."];
        }

        if (webhook.Alerts is null)
        {
            errors["alerts"] = ["The 'alerts' array is required."];
            return errors;
        }

        if (webhook.Alerts.Count > MaxAlerts)
        {
            errors["alerts"] = [$"At most {MaxAlerts} alerts per notification; got {webhook.Alerts.Count}. Lower max_alerts in the webhook_config."];
            return errors;
        }

        for (var i = 0; i < webhook.Alerts.Count; i++)
        {
            var alert = webhook.Alerts[i];
            var path = $"alerts[{i}]";
            if (alert is null)
            {
                errors[path] = ["An alert must be an object."];
                continue;
            }

            if (alert.Status is not ("firing" or "resolved"))
            {
                errors[$"{path}.status"] = [$"The status must be \"firing\" or \"resolved\", not {Quote(alert.Status)}."];
            }

            if (!IsFingerprint(alert.Fingerprint))
            {
                errors[$"{path}.fingerprint"] = [$"A fingerprint of 1 to {MaxFingerprintLength} letters, digits, '.', '_', ':' or '-' is required (Alertmanager sends one per alert)."];
            }

            CheckTime(errors, $"{path}.startsAt", alert.StartsAt);
            CheckTime(errors, $"{path}.endsAt", alert.EndsAt);
        }

        return errors;
    }

    /// <summary>Parses an RFC 3339 time as Alertmanager writes it (Go's <c>time.Time</c>), or null when absent.</summary>
    public static Instant? ParseTime(string? text) =>
        string.IsNullOrEmpty(text) ? null : Rfc3339.Parse(text).GetValueOrThrow().ToInstant();

    private static void CheckTime(Dictionary<string, string[]> errors, string path, string? text)
    {
        if (!string.IsNullOrEmpty(text) && !Rfc3339.Parse(text).Success)
        {
            errors[path] = [$"{Quote(text)} is not an RFC 3339 time such as 2026-11-20T14:00:00Z."];
        }
    }

    private static bool IsFingerprint(string? text) =>
        !string.IsNullOrEmpty(text)
        && text.Length <= MaxFingerprintLength
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    private static string Quote(string? text) => text is null ? "nothing" : string.Create(CultureInfo.InvariantCulture, $"\"{text}\"");
}
