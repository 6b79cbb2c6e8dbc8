using System.Text;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;
using StandbyOps.Incidents.Priorities;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Signals;

namespace StandbyOps.Monitoring.Alertmanager;

/// <summary>
/// Turns Alertmanager notifications into incident signals: a firing alert is a failure keyed
/// <c>alertmanager/&lt;customer&gt;/&lt;fingerprint&gt;</c>, a resolved one its recovery. Returns only once the desk
/// has recorded every signal, because Alertmanager retries a notification that did not get a 2xx.
/// </summary>
/// <remarks>
/// The dedup key carries the routed customer as well as the fingerprint: a fingerprint is a hash of the alert's
/// labels, so two customers' Alertmanagers can send the same one (a <c>Watchdog</c> alert, say), and one
/// customer's resolved notification must not resolve another's incident. The signal's instant is the time of
/// receipt, not <c>startsAt</c>, so SLA clocks start when StandbyOps learns of the alert.
/// </remarks>
public sealed partial class AlertmanagerReceiver(AlertmanagerRouter router, ISignalSink sink, IClock clock, ILogger<AlertmanagerReceiver> logger)
{
    /// <summary>The longest incident title taken from an alert.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest timeline reason taken from an alert.</summary>
    public const int MaxReasonLength = 1000;

    private static readonly InstantPattern TimeText = InstantPattern.General;

    /// <summary>The signals a valid notification stands for, in the order of its alerts.</summary>
    /// <param name="webhook">A notification that passed <see cref="AlertmanagerWebhookValidator.Validate"/>.</param>
    /// <param name="scopeCustomer">The pushing token's customer, or null for an admin token.</param>
    /// <param name="at">When it was received.</param>
    public IReadOnlyList<AlertmanagerSignal> Translate(AlertmanagerWebhook webhook, string? scopeCustomer, Instant at)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var signals = new List<AlertmanagerSignal>(webhook.Alerts?.Count ?? 0);
        foreach (var alert in webhook.Alerts ?? [])
        {
            var labels = alert.Labels ?? new Dictionary<string, string>();
            var annotations = alert.Annotations ?? new Dictionary<string, string>();
            var route = router.Route(labels, scopeCustomer);
            var key = $"alertmanager/{route.Customer}/{alert.Fingerprint}";
            var name = labels.GetValueOrDefault("alertname") ?? $"alert {alert.Fingerprint}";
            if (alert.Status == "firing")
            {
                var title = annotations.GetValueOrDefault("summary") is { Length: > 0 } summary ? summary : name;
                var reason = new StringBuilder("Alertmanager: ").Append(name).Append(" firing");
                if (AlertmanagerWebhookValidator.ParseTime(alert.StartsAt) is { } startsAt)
                {
                    reason.Append(" since ").Append(TimeText.Format(startsAt));
                }

                if (annotations.GetValueOrDefault("description") is { Length: > 0 } description)
                {
                    reason.Append(": ").Append(description);
                }

                signals.Add(new AlertmanagerSignal(route, new FailureSignal(
                    route.Customer, route.System, SignalSource.Alertmanager, key, PriorityResolver.ForAlert(labels),
                    Cut(title, MaxTitleLength), Cut(reason.ToString(), MaxReasonLength), at), null));
            }
            else
            {
                var reason = new StringBuilder("Alertmanager: ").Append(name).Append(" resolved");
                if (AlertmanagerWebhookValidator.ParseTime(alert.EndsAt) is { } endsAt && endsAt > Instant.FromUtc(1, 1, 1, 0, 0))
                {
                    reason.Append(" at ").Append(TimeText.Format(endsAt));
                }

                signals.Add(new AlertmanagerSignal(route, null, new RecoverySignal(
                    route.Customer, route.System, SignalSource.Alertmanager, key, Cut(reason.ToString(), MaxReasonLength), at)));
            }
        }

        return signals;
    }

    /// <summary>Records every alert of a valid notification with the desk; throws when the desk fails (answer 5xx so Alertmanager retries).</summary>
    public async Task<AlertmanagerReceipt> ReceiveAsync(AlertmanagerWebhook webhook, string? scopeCustomer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (webhook.TruncatedAlerts is > 0)
        {
            LogTruncated(webhook.GroupKey ?? "?", webhook.TruncatedAlerts.Value);
        }

        int firing = 0, resolved = 0, unrouted = 0;
        foreach (var signal in Translate(webhook, scopeCustomer, clock.GetCurrentInstant()))
        {
            if (signal.Failure is { } failure)
            {
                await sink.FailAsync(failure, cancellationToken).ConfigureAwait(false);
                firing++;
            }
            else if (signal.Recovery is { } recovery)
            {
                await sink.RecoverAsync(recovery, cancellationToken).ConfigureAwait(false);
                resolved++;
            }

            if (signal.Route.IsUnrouted)
            {
                unrouted++;
                LogUnrouted(signal.Failure?.DedupKey ?? signal.Recovery!.DedupKey, signal.Route.Customer);
            }
        }

        return new AlertmanagerReceipt(firing, resolved, unrouted);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alertmanager notification {GroupKey} left out {Count} alerts (max_alerts); only the alerts it carried are recorded")]
    private partial void LogTruncated(string groupKey, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {DedupKey} matches no system's alertmanager.match labels; it goes to system 'unrouted' of customer {Customer}")]
    private partial void LogUnrouted(string dedupKey, string customer);
}
