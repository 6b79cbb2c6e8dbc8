using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using NodaTime;

namespace StandbyOps.Monitoring.Probes;

/// <summary>
/// Completes a TLS handshake and reports how many whole days the server certificate has left,
/// judged by the injected clock (so a test can move time instead of waiting for expiry).
/// </summary>
internal sealed class TlsProbe(TlsProbeDefinition definition, IClock clock) : IProbe
{
    public Task<ProbeResult> RunAsync(CancellationToken cancellationToken) =>
        ProbeExecution.RunAsync(definition.Timeout, CheckAsync, DescribeFailure, cancellationToken);

    private async Task<ProbeResult> CheckAsync(long started, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(definition.Host, definition.Port, cancellationToken);

        string? rejection = null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = definition.Host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (definition.AllowUntrustedCertificates)
                {
                    // Only the chain is waived; expiry is re-checked below with the injected clock.
                    errors &= ~SslPolicyErrors.RemoteCertificateChainErrors;
                }

                rejection = CertificateProblem.Describe(errors, certificate, chain, now);
                return rejection is null;
            },
        };

        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken);
        }
        catch (AuthenticationException) when (rejection is not null)
        {
            return ProbeResult.Failed(Stopwatch.GetElapsedTime(started), $"TLS: {rejection}");
        }

        var latency = Stopwatch.GetElapsedTime(started);
        if (tls.RemoteCertificate is not { } certificate)
        {
            return ProbeResult.Failed(latency, "TLS: no certificate presented");
        }

        if (CertificateProblem.DatesProblem(certificate, now) is { } datesProblem)
        {
            return ProbeResult.Failed(latency, $"TLS: {datesProblem}");
        }

        var daysLeft = DaysLeft(CertificateProblem.Validity(certificate).NotAfter, now);
        return daysLeft < definition.MinDaysLeft
            ? ProbeResult.Failed(latency, $"TLS: {daysLeft} days left (min {definition.MinDaysLeft})")
            : ProbeResult.Passed(latency, $"TLS: {daysLeft} days left");
    }

    /// <summary>Whole days until <paramref name="notAfter"/>: 13 days 23 hours is 13.</summary>
    internal static long DaysLeft(Instant notAfter, Instant now) =>
        (long)Math.Floor((notAfter - now).TotalDays);

    private static string DescribeFailure(Exception exception) => exception switch
    {
        SocketException socket => SocketFailure.Describe(socket),
        AuthenticationException => ProbeExecution.Unexpected("TLS: handshake failed", exception),
        IOException => "TLS: connection closed during handshake",
        _ => ProbeExecution.Unexpected("TLS", exception),
    };
}
