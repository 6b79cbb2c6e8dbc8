using Microsoft.Extensions.Logging.Abstractions;
using NodaTime.Testing;
using StandbyOps.Core.Sla;
using StandbyOps.Incidents.Signals;
using StandbyOps.Monitoring.Alertmanager;
using StandbyOps.Monitoring.Tests.Push;

namespace StandbyOps.Monitoring.Tests.Alertmanager;

public sealed class AlertmanagerReceiverTests
{
    private readonly RecordingSignalSink _sink = new();
    private readonly FakeClock _time = new(PushFixtures.Start);
    private readonly AlertmanagerReceiver _receiver;

    public AlertmanagerReceiverTests() =>
        _receiver = new AlertmanagerReceiver(new AlertmanagerRouter(PushFixtures.Config), _sink, _time, NullLogger<AlertmanagerReceiver>.Instance);

    [Fact]
    public async Task A_firing_alert_becomes_a_failure_keyed_by_customer_and_fingerprint()
    {
        await _receiver.ReceiveAsync(AlertmanagerSamples.Read(AlertmanagerSamples.Firing), "acme");

        var failure = Assert.Single(_sink.Failures);
        Assert.Equal(("acme", "webshop", SignalSource.Alertmanager, "alertmanager/acme/4f2e9a1b7c3d5e60"), (failure.Customer, failure.System, failure.Source, failure.DedupKey));
        Assert.Equal(PushFixtures.Start, failure.At);
    }

    [Fact]
    public async Task The_title_is_the_summary_and_the_reason_says_since_when()
    {
        await _receiver.ReceiveAsync(AlertmanagerSamples.Read(AlertmanagerSamples.Firing), "acme");

        var failure = Assert.Single(_sink.Failures);
        Assert.Equal("Disk almost full on web-1", failure.Title);
        Assert.Equal("Alertmanager: DiskFull firing since 2026-11-20T12:58:30Z: Only 2% left.", failure.Reason);
    }

    [Fact]
    public async Task Without_a_summary_the_title_is_the_alert_name()
    {
        var json = AlertmanagerSamples.Firing.Replace("\"summary\": \"Disk almost full on web-1\", ", string.Empty, StringComparison.Ordinal);

        await _receiver.ReceiveAsync(AlertmanagerSamples.Read(json), "acme");

        Assert.Equal("DiskFull", Assert.Single(_sink.Failures).Title);
    }

    [Theory]
    [InlineData("\"severity\": \"critical\"", Priority.P1)]
    [InlineData("\"severity\": \"warning\"", Priority.P3)]
    [InlineData("\"severity\": \"info\", \"priority\": \"P2\"", Priority.P2)]
    [InlineData("\"team\": \"ops\"", Priority.P3)]
    public async Task The_priority_comes_from_the_priority_or_severity_label(string labels, Priority expected)
    {
        var json = AlertmanagerSamples.Firing.Replace("\"severity\": \"critical\"", labels, StringComparison.Ordinal);

        await _receiver.ReceiveAsync(AlertmanagerSamples.Read(json), "acme");

        Assert.Equal(expected, Assert.Single(_sink.Failures).Priority);
    }

    [Fact]
    public async Task A_resolved_alert_becomes_a_recovery_with_the_same_key()
    {
        var json = AlertmanagerSamples.Firing.Replace("\"status\": \"firing\"", "\"status\": \"resolved\"", StringComparison.Ordinal)
            .Replace("0001-01-01T00:00:00Z", "2026-11-20T14:05:00Z", StringComparison.Ordinal);

        var receipt = await _receiver.ReceiveAsync(AlertmanagerSamples.Read(json), "acme");

        var recovery = Assert.Single(_sink.Recoveries);
        Assert.Equal("alertmanager/acme/4f2e9a1b7c3d5e60", recovery.DedupKey);
        Assert.Equal("Alertmanager: DiskFull resolved at 2026-11-20T14:05:00Z", recovery.Reason);
        Assert.Equal(new AlertmanagerReceipt(0, 1, 0), receipt);
    }

    [Fact]
    public async Task An_unmatched_alert_is_recorded_on_the_unrouted_system_of_the_token_customer()
    {
        var json = AlertmanagerSamples.Firing.Replace("\"customer\": \"acme\"", "\"customer\": \"initech\"", StringComparison.Ordinal);

        var receipt = await _receiver.ReceiveAsync(AlertmanagerSamples.Read(json), "acme");

        var failure = Assert.Single(_sink.Failures);
        Assert.Equal(("acme", "unrouted"), (failure.Customer, failure.System));
        Assert.Equal(1, receipt.Unrouted);
    }

    [Fact]
    public async Task A_desk_failure_propagates_so_the_notification_is_retried()
    {
        _sink.Broken = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _receiver.ReceiveAsync(AlertmanagerSamples.Read(AlertmanagerSamples.Firing), "acme"));
    }
}
